-- wrk script: prints throughput and p50/p95/p99 latency in the same form as LoadGen (bench/run.sh reads it)
done = function(summary, latency, requests)
  io.write(string.format("WRK rps=%.1f p50_ms=%.2f p95_ms=%.2f p99_ms=%.2f errors=%d requests=%d\n",
    summary.requests / (summary.duration / 1e6), latency:percentile(50) / 1000, latency:percentile(95) / 1000,
    latency:percentile(99) / 1000, summary.errors.status + summary.errors.connect + summary.errors.read + summary.errors.write + summary.errors.timeout,
    summary.requests))
end
