// Publish→alarm latency probe for bench/telemetry-ingest.sh (Node 20: run with --experimental-websocket).
// Opens the live WebSocket like a browser (token as subprotocol), subscribes to one point, then N times:
// submits a reading above the point's HH (POST /telemetry/bench/probe, timestamped by the server when it
// enters the ReadingSink) and waits for the RAISED alarm on the socket; then a normal reading and waits for
// CLEARED. Latency = arrival at the client − reading timestamp (same host, same clock).
//   node --experimental-websocket bench/telemetry-latency.mjs <base-url> <token> <point> <high> <normal> <count> <pauseMs>
const [base, token, point, high, normal, count, pauseMs] = process.argv.slice(2);
const n = Number(count || 100), pause = Number(pauseMs || 100);
const ws = new WebSocket(base.replace(/^http/, 'ws') + '/telemetry/live', ['bearer', token]);
let waiting = null;
ws.onmessage = (m) => {
  const at = Date.now();
  const msg = JSON.parse(m.data);
  if (msg.type === 'alarm' && msg.alarm.point === point && waiting && msg.action === waiting.action) {
    const w = waiting; waiting = null;
    w.resolve(at - Date.parse(msg.action === 'CLEARED' ? msg.alarm.clearedAt : msg.alarm.raisedAt));
  }
};
const opened = new Promise((res, rej) => { ws.onopen = res; ws.onerror = rej; });
const sleep = (ms) => new Promise((r) => setTimeout(r, ms));
async function probe(value, action) {
  const done = new Promise((resolve) => { waiting = { action, resolve }; });
  const r = await fetch(base + '/telemetry/bench/probe', { method: 'POST',
    headers: { 'Authorization': 'Bearer ' + token, 'Content-Type': 'application/json' },
    body: JSON.stringify({ point, value: Number(value) }) });
  if (r.status !== 200) throw new Error('probe answered ' + r.status + ' ' + await r.text());
  await r.json();
  return Promise.race([done, sleep(10000).then(() => { throw new Error('no ' + action + ' within 10 s'); })]);
}
await opened;
ws.send(JSON.stringify({ type: 'subscribe', points: [point], alarms: true }));
await sleep(300);
// start from a normal value (clears what an earlier run left active)
await fetch(base + '/telemetry/bench/probe', { method: 'POST', headers: { 'Authorization': 'Bearer ' + token,
  'Content-Type': 'application/json' }, body: JSON.stringify({ point, value: Number(normal) }) });
await sleep(500);
const raise = [], clear = [];
for (let i = 0; i < n; i++) {
  raise.push(await probe(high, 'RAISED'));
  await sleep(pause);
  clear.push(await probe(normal, 'CLEARED'));
  await sleep(pause);
}
ws.close();
const pct = (a, p) => { const s = [...a].sort((x, y) => x - y); return s[Math.min(s.length - 1, Math.ceil(p * s.length) - 1)]; };
console.log(JSON.stringify({ probes: n, raiseMsP50: pct(raise, 0.5), raiseMsP90: pct(raise, 0.9), raiseMsP99: pct(raise, 0.99),
  raiseMsMax: Math.max(...raise), clearMsP50: pct(clear, 0.5), clearMsP99: pct(clear, 0.99) }));
process.exit(0);
