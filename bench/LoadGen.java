import java.net.InetAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Closed-loop HTTP load generator for the ChemPark benchmarks (JDK 17, no dependencies).
 *
 * <pre>
 * java bench/LoadGen.java --url http://127.0.0.1:8481/api/v1/modules/core [--clients 50]
 *      [--duration 30] [--warmup 5] [--max-requests 2000000]
 * java bench/LoadGen.java --mode post-delete --url http://127.0.0.1:8481/api/v1/asset/chemicals
 *      --body '{"name":"..."}' ...
 * </pre>
 *
 * Each of --clients threads sends one request, waits for the answer, sends the next (closed
 * loop), for --warmup seconds unmeasured and then --duration seconds measured, or until
 * --max-requests measured requests in all. Only loopback addresses are accepted.
 *
 * Mode get: GET --url. Mode post-delete: POST --body to --url ({{n}} in it becomes a unique
 * number, {{cas}} a unique CAS registry number with a valid check digit), read the new id from the
 * Location header or the "id" field of the answer, then DELETE --url/{id}; POST and DELETE
 * latencies are reported separately. The last line printed is machine-readable:
 * {@code RESULT key=value ...}.
 */
public class LoadGen {

    private static final Pattern ID = Pattern.compile("\"id\"\\s*:\\s*\"?([A-Za-z0-9_.:-]+)\"?");

    public static void main(String[] args) throws Exception {
        String url = null, mode = "get", body = "{}";
        List<String> headers = new ArrayList<>();
        int clients = 50;
        double durationS = 30, warmupS = 5;
        long maxRequests = 2_000_000;
        for (int i = 0; i < args.length; i++) {
            String a = args[i];
            String v = i + 1 < args.length ? args[i + 1] : null;
            switch (a) {
                case "--url": url = v; i++; break;
                case "--mode": mode = v; i++; break;
                case "--body": body = v; i++; break;
                case "--header": headers.add(v); i++; break;
                case "--clients": clients = Integer.parseInt(v); i++; break;
                case "--duration": durationS = Double.parseDouble(v); i++; break;
                case "--warmup": warmupS = Double.parseDouble(v); i++; break;
                case "--max-requests": maxRequests = Long.parseLong(v); i++; break;
                default: usage("unknown argument " + a);
            }
        }
        if (url == null) usage("--url is required");
        if (!mode.equals("get") && !mode.equals("post-delete")) usage("--mode is get or post-delete");
        if (clients < 1 || clients > 1000) usage("--clients must be 1..1000");
        if (durationS <= 0 || durationS > 600 || warmupS < 0 || warmupS > 120) usage("--duration 0..600 s, --warmup 0..120 s");
        URI base = URI.create(url);
        InetAddress host = InetAddress.getByName(base.getHost());
        if (!host.isLoopbackAddress()) usage("only loopback targets are allowed, not " + base.getHost());

        HttpClient http = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(5))
                .executor(Executors.newFixedThreadPool(2))
                .build();

        int perClient = (int) Math.min(Integer.MAX_VALUE - 8, Math.max(1, maxRequests / clients));
        long[][] lat = new long[clients][];          // GET or POST latencies, ns
        long[][] lat2 = new long[clients][];         // DELETE latencies, ns
        int[] counts = new int[clients];
        int[] counts2 = new int[clients];
        AtomicLong errors = new AtomicLong();
        // unique numbers for {{n}} / {{cas}} in the POST body; a random start so that records
        // left over by an interrupted run do not collide with the next one
        AtomicLong serial = new AtomicLong(100_000_000L + (long) (Math.random() * 700_000_000L));
        String[] firstErrorText = new String[1];

        long start = System.nanoTime();
        long measureFrom = start + (long) (warmupS * 1e9);
        long end = measureFrom + (long) (durationS * 1e9);
        ExecutorService pool = Executors.newFixedThreadPool(clients);
        CountDownLatch done = new CountDownLatch(clients);
        final String fMode = mode, fBody = body;
        for (int c = 0; c < clients; c++) {
            final int ci = c;
            lat[c] = new long[perClient];
            lat2[c] = fMode.equals("post-delete") ? new long[perClient] : new long[0];
            pool.execute(() -> {
                try {
                    HttpRequest get = withHeaders(HttpRequest.newBuilder(base), headers).timeout(Duration.ofSeconds(10))
                            .header("Accept", "application/json").GET().build();
                    while (true) {
                        long t0 = System.nanoTime();
                        if (t0 >= end || counts[ci] >= perClient) break;
                        boolean measured = t0 >= measureFrom;
                        try {
                            if (fMode.equals("get")) {
                                HttpResponse<byte[]> r = http.send(get, HttpResponse.BodyHandlers.ofByteArray());
                                long t1 = System.nanoTime();
                                if (r.statusCode() != 200) { error(errors, firstErrorText, "GET " + r.statusCode()); continue; }
                                if (measured) lat[ci][counts[ci]++] = t1 - t0;
                            } else {
                                HttpRequest post = withHeaders(HttpRequest.newBuilder(base), headers).timeout(Duration.ofSeconds(10))
                                        .header("Accept", "application/json").header("Content-Type", "application/json")
                                        .POST(HttpRequest.BodyPublishers.ofString(fill(fBody, serial.getAndIncrement()))).build();
                                HttpResponse<String> r = http.send(post, HttpResponse.BodyHandlers.ofString());
                                long t1 = System.nanoTime();
                                if (r.statusCode() / 100 != 2) { error(errors, firstErrorText, "POST " + r.statusCode() + " " + abbreviate(r.body())); continue; }
                                String id = idOf(r);
                                if (id == null) { error(errors, firstErrorText, "POST answer without id: " + abbreviate(r.body())); continue; }
                                URI del = URI.create(stripSlash(base.toString()) + "/" + id);
                                long t2 = System.nanoTime();
                                HttpResponse<Void> d = http.send(withHeaders(HttpRequest.newBuilder(del), headers).timeout(Duration.ofSeconds(10)).DELETE().build(),
                                        HttpResponse.BodyHandlers.discarding());
                                long t3 = System.nanoTime();
                                if (d.statusCode() / 100 != 2) { error(errors, firstErrorText, "DELETE " + d.statusCode()); continue; }
                                if (measured) {
                                    lat[ci][counts[ci]++] = t1 - t0;
                                    lat2[ci][counts2[ci]++] = t3 - t2;
                                }
                            }
                        } catch (Exception e) {
                            error(errors, firstErrorText, e.toString());
                        }
                    }
                } finally {
                    done.countDown();
                }
            });
        }
        done.await((long) (warmupS + durationS + 60), TimeUnit.SECONDS);
        long elapsedMeasured = Math.max(1, Math.min(System.nanoTime(), end) - measureFrom);
        pool.shutdownNow();

        long[] all = merge(lat, counts);
        long[] all2 = merge(lat2, counts2);
        double secs = elapsedMeasured / 1e9;
        StringBuilder out = new StringBuilder("RESULT");
        out.append(" mode=").append(mode).append(" clients=").append(clients)
           .append(String.format(Locale.ROOT, " seconds=%.1f", secs))
           .append(" errors=").append(errors.get());
        if (mode.equals("get")) {
            out.append(stats("", all, secs));
        } else {
            out.append(String.format(Locale.ROOT, " pairs_per_s=%.1f", all.length / secs));
            out.append(stats("post_", all, secs)).append(stats("delete_", all2, secs));
        }
        if (firstErrorText[0] != null) System.out.println("first error: " + firstErrorText[0]);
        System.out.println(out);
        System.exit(0);
    }

    /** Replaces {{n}} with a unique number and {{cas}} with a unique, valid CAS registry number. */
    static String fill(String template, long n) {
        if (!template.contains("{{")) return template;
        String digits = Long.toString(n);                      // 9 digits: 7-2-check
        int sum = 0;
        for (int i = 0; i < digits.length(); i++) {
            sum += (digits.charAt(digits.length() - 1 - i) - '0') * (i + 1);
        }
        String cas = digits.substring(0, digits.length() - 2) + "-" + digits.substring(digits.length() - 2) + "-" + (sum % 10);
        return template.replace("{{n}}", digits).replace("{{cas}}", cas);
    }

    private static HttpRequest.Builder withHeaders(HttpRequest.Builder b, List<String> headers) {
        for (String h : headers) {
            int colon = h.indexOf(':');
            if (colon <= 0) usage("--header must be 'Name: value'");
            b.header(h.substring(0, colon).trim(), h.substring(colon + 1).trim());
        }
        return b;
    }

    private static String stats(String prefix, long[] a, double secs) {
        Arrays.sort(a);
        return String.format(Locale.ROOT, " %srequests=%d %srps=%.1f %sp50_ms=%.2f %sp95_ms=%.2f %sp99_ms=%.2f %smax_ms=%.2f",
                prefix, a.length, prefix, a.length / secs, prefix, pct(a, 50), prefix, pct(a, 95), prefix, pct(a, 99),
                prefix, a.length == 0 ? 0 : a[a.length - 1] / 1e6);
    }

    /** Nearest-rank percentile, in ms. */
    private static double pct(long[] sorted, double p) {
        if (sorted.length == 0) return 0;
        int rank = (int) Math.ceil(p / 100.0 * sorted.length);
        return sorted[Math.max(0, Math.min(sorted.length - 1, rank - 1))] / 1e6;
    }

    private static long[] merge(long[][] parts, int[] counts) {
        int n = 0;
        for (int c : counts) n += c;
        long[] all = new long[n];
        int pos = 0;
        for (int i = 0; i < parts.length; i++) {
            System.arraycopy(parts[i], 0, all, pos, counts[i]);
            pos += counts[i];
        }
        return all;
    }

    private static String idOf(HttpResponse<String> r) {
        String loc = r.headers().firstValue("Location").orElse(null);
        if (loc != null && loc.contains("/")) {
            String last = stripSlash(loc);
            return last.substring(last.lastIndexOf('/') + 1);
        }
        Matcher m = ID.matcher(r.body());
        return m.find() ? m.group(1) : null;
    }

    private static String stripSlash(String s) {
        return s.endsWith("/") ? s.substring(0, s.length() - 1) : s;
    }

    private static String abbreviate(String s) {
        return s == null ? "" : s.length() > 200 ? s.substring(0, 200) + "…" : s;
    }

    private static void error(AtomicLong errors, String[] first, String text) {
        errors.incrementAndGet();
        synchronized (first) {
            if (first[0] == null) first[0] = text;
        }
    }

    private static void usage(String problem) {
        System.err.println("LoadGen: " + problem);
        System.err.println("usage: java bench/LoadGen.java --url http://127.0.0.1:PORT/path [--mode get|post-delete] [--body JSON] [--header 'Name: value']..."
                + " [--clients 50] [--duration 30] [--warmup 5] [--max-requests 2000000]");
        System.exit(2);
    }
}
