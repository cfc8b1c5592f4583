package org.chempark.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.fail;
import static org.ops4j.pax.exam.CoreOptions.maven;
import static org.ops4j.pax.exam.CoreOptions.when;
import static org.ops4j.pax.exam.karaf.options.KarafDistributionOption.configureConsole;
import static org.ops4j.pax.exam.karaf.options.KarafDistributionOption.editConfigurationFilePut;
import static org.ops4j.pax.exam.karaf.options.KarafDistributionOption.karafDistributionConfiguration;
import static org.ops4j.pax.exam.karaf.options.KarafDistributionOption.keepRuntimeFolder;
import static org.ops4j.pax.exam.karaf.options.KarafDistributionOption.logLevel;

import java.io.ByteArrayOutputStream;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.PrivilegedExceptionAction;
import java.time.Duration;
import java.util.HashSet;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

import javax.inject.Inject;
import javax.security.auth.Subject;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.apache.karaf.jaas.boot.principal.RolePrincipal;
import org.apache.karaf.jaas.boot.principal.UserPrincipal;
import org.apache.karaf.shell.api.console.Session;
import org.apache.karaf.shell.api.console.SessionFactory;
import org.junit.Before;
import org.junit.Rule;
import org.ops4j.pax.exam.Configuration;
import org.ops4j.pax.exam.Option;
import org.ops4j.pax.exam.ProbeBuilder;
import org.ops4j.pax.exam.TestProbeBuilder;
import org.ops4j.pax.exam.karaf.options.LogLevelOption.LogLevel;
import org.ops4j.pax.exam.util.Filter;
import org.osgi.framework.BundleContext;
import org.osgi.framework.Constants;

/**
 * Boots the assembled distribution (org.chempark:chempark-distribution:tar.gz, the same file
 * a park installs) once per test class, on free ports, and waits until the platform is ready.
 *
 * <p>The test methods run inside that Karaf, in the Pax Exam probe bundle: services are
 * injected, HTTP goes to the real Jetty on localhost.
 *
 * <p>Logs: {@code itests/target/exam-logs/<TestClass>/karaf.log} (kept after the run). The
 * unpacked Karaf is deleted after each class unless {@code -Dit.keepRuntime=true}.
 */
public abstract class ChemParkTestSupport {
    /** How long the platform may take to be ready after the container is up (embedded PostgreSQL initdb included). */
    protected static final Duration READY_TIMEOUT = Duration.ofSeconds(90);
    protected static final String API = "/api/v1";
    protected static final ObjectMapper JSON = new ObjectMapper();

    /** A test method that hangs fails after chempark.itest.methodTimeoutSeconds, with the container's threads. */
    @Rule
    public final MethodTimeout methodTimeout = new MethodTimeout();

    @Inject
    protected BundleContext bundleContext;

    /** Only present once the core's shell commands are registered; waits for them. */
    @Inject
    @Filter(timeout = 90_000)
    protected SessionFactory sessionFactory;

    /** A bounded executor, so the client's threads do not blur the thread-count leak check. */
    protected final BoundedHttpClient http = new BoundedHttpClient(HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5))
            .executor(Executors.newFixedThreadPool(4, r -> {
                Thread t = new Thread(r, "itest-http");
                t.setDaemon(true);
                return t;
            })).build());

    /**
     * The JDK client whose {@code send} ends for sure: a request's timeout covers only the wait for the
     * response headers, so a body that stops half-way would block a test (and the whole run) for good.
     * Here the whole exchange gets the request's timeout (30 s when it has none) plus 30 s.
     */
    protected static final class BoundedHttpClient {
        private final HttpClient client;

        BoundedHttpClient(HttpClient client) {
            this.client = client;
        }

        public <T> HttpResponse<T> send(HttpRequest request, HttpResponse.BodyHandler<T> handler) throws IOException, InterruptedException {
            Duration limit = request.timeout().orElse(Duration.ofSeconds(30)).plusSeconds(30);
            java.util.concurrent.CompletableFuture<HttpResponse<T>> answer = client.sendAsync(request, handler);
            try {
                return answer.get(limit.toMillis(), TimeUnit.MILLISECONDS);
            } catch (java.util.concurrent.TimeoutException e) {
                answer.cancel(true);
                throw new java.net.http.HttpTimeoutException("no complete answer within " + limit.toSeconds() + " s: "
                        + request.method() + " " + request.uri());
            } catch (java.util.concurrent.ExecutionException e) {
                Throwable cause = e.getCause();
                if (cause instanceof IOException io) {
                    throw io;
                }
                if (cause instanceof RuntimeException re) {
                    throw re;
                }
                throw new IOException(cause);
            }
        }

        public java.net.http.WebSocket.Builder newWebSocketBuilder() {
            return client.newWebSocketBuilder();
        }
    }

    @Configuration
    public Option[] config() {
        Set<Integer> taken = new HashSet<>();
        int httpPort = freePort(taken);
        int sshPort = freePort(taken);
        int rmiRegistryPort = freePort(taken);
        int rmiServerPort = freePort(taken);
        int mqttPort = freePort(taken);
        String localRepository = System.getProperty("itest.localRepository",
                System.getProperty("user.home") + "/.m2/repository");
        File logDir = new File("target/exam-logs/" + getClass().getSimpleName()).getAbsoluteFile();
        // a class that hangs inside Karaf fails after it.classTimeoutSeconds, with thread dumps, instead of blocking the run
        HangWatchdog.arm(getClass().getName(), logDir, new File("target/exam"));
        return new Option[] {
            karafDistributionConfiguration()
                    .frameworkUrl(maven("org.chempark", "chempark-distribution").type("tar.gz").versionAsInProject())
                    .name("ChemPark")
                    .unpackDirectory(new File("target/exam"))
                    .useDeployFolder(false),
            // No local console: nobody types into it, and it would read the stdin Pax Exam pipes in
            // (see forkNode in the POM). The shell is still there (SessionFactory, ssh on a free port).
            configureConsole().ignoreLocalConsole(),
            when(Boolean.getBoolean("it.keepRuntime")).useOptions(keepRuntimeFolder()),
            logLevel(LogLevel.valueOf(System.getProperty("it.logLevel", "WARN"))), // -Dit.logLevel=INFO to see more
            editConfigurationFilePut("etc/org.ops4j.pax.web.cfg", "org.osgi.service.http.port", Integer.toString(httpPort)),
            editConfigurationFilePut("etc/org.apache.karaf.shell.cfg", "sshPort", Integer.toString(sshPort)),
            editConfigurationFilePut("etc/org.apache.karaf.management.cfg", "rmiRegistryPort", Integer.toString(rmiRegistryPort)),
            editConfigurationFilePut("etc/org.apache.karaf.management.cfg", "rmiServerPort", Integer.toString(rmiServerPort)),
            // the MQTT broker of chempark-mqtt (default 1883) on a free port too
            editConfigurationFilePut("etc/org.chempark.bridge.mqtt.cfg", "port", Integer.toString(mqttPort)),
            editConfigurationFilePut("etc/system.properties", "chempark.itest.mqtt.port", Integer.toString(mqttPort)),
            // Pax Exam's own bundles (feature "exam") come from this build's local repository.
            editConfigurationFilePut("etc/org.ops4j.pax.url.mvn.cfg", "org.ops4j.pax.url.mvn.localRepository", localRepository),
            // karaf.log outside the runtime folder, so it survives the run.
            editConfigurationFilePut("etc/org.ops4j.pax.logging.cfg", "log4j2.appender.rolling.fileName",
                    new File(logDir, "karaf.log").getPath()),
            editConfigurationFilePut("etc/org.ops4j.pax.logging.cfg", "log4j2.appender.rolling.filePattern",
                    new File(logDir, "karaf.log.%i").getPath()),
            editConfigurationFilePut("etc/system.properties", "chempark.itest.logDir", logDir.getPath()),
            editConfigurationFilePut("etc/system.properties", "chempark.itest.methodTimeoutSeconds", System.getProperty("it.methodTimeoutSeconds", "300")),
            // Tells the tests (which run inside the container) where Jetty listens.
            editConfigurationFilePut("etc/system.properties", "chempark.itest.http.port", Integer.toString(httpPort)),
            // The JDK client keeps idle connections 1200 s, Jetty closes them after 30 s: a request sent on a
            // connection Jetty is closing at that moment fails with "EOF reached while reading" (seen once
            // in HotSwapIT on CI). Closing them on the client side first removes that race.
            editConfigurationFilePut("etc/system.properties", "jdk.httpclient.keepalive.timeout", "10"),
        };
    }

    /** The probe sees every package the distribution exports (Jackson, Camel, Karaf APIs, ...). */
    @ProbeBuilder
    public TestProbeBuilder probe(TestProbeBuilder probe) {
        probe.setHeader(Constants.DYNAMICIMPORT_PACKAGE, "*");
        return probe;
    }

    private static int freePort(Set<Integer> taken) {
        for (int i = 0; i < 20; i++) {
            try (ServerSocket s = new ServerSocket(0)) {
                s.setReuseAddress(true);
                if (taken.add(s.getLocalPort())) {
                    return s.getLocalPort();
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        throw new IllegalStateException("no free port");
    }

    /** Waits (at most {@link #READY_TIMEOUT}) until /api/v1/health reports core.database UP. */
    @Before
    public void waitForPlatform() throws Exception {
        String last = "no answer";
        long deadline = System.nanoTime() + READY_TIMEOUT.toNanos();
        while (System.nanoTime() < deadline) {
            try {
                HttpResponse<String> r = get(API + "/health");
                last = r.statusCode() + " " + r.body();
                if (r.statusCode() == 200
                        && "UP".equals(JSON.readTree(r.body()).path("components").path("core.database").path("status").asText())) {
                    return;
                }
            } catch (IOException | java.io.UncheckedIOException e) {
                // UncheckedIOException: token() logging in before /auth is published (Jetty's HTML 404) on a slow boot
                last = e.toString();
            }
            Thread.sleep(250);
        }
        fail("platform not ready within " + READY_TIMEOUT.toSeconds() + " s: GET " + API + "/health last answered " + last);
    }

    protected int httpPort() {
        String port = System.getProperty("chempark.itest.http.port");
        if (port == null) {
            throw new IllegalStateException("chempark.itest.http.port not set: is the test running inside the container?");
        }
        return Integer.parseInt(port);
    }

    /** Where a test may leave files for people to read: {@code itests/target/exam-logs/<TestClass>}. */
    protected File logDir() {
        File dir = new File(System.getProperty("chempark.itest.logDir", "target/exam-logs/" + getClass().getSimpleName()));
        dir.mkdirs();
        return dir;
    }

    protected URI uri(String path) {
        return URI.create("http://localhost:" + httpPort() + path);
    }

    protected HttpResponse<String> get(String path) throws IOException, InterruptedException {
        return http.send(authorized(HttpRequest.newBuilder(uri(path))).timeout(Duration.ofSeconds(10)).GET().build(),
                HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }

    protected HttpResponse<String> post(String path, String contentType, byte[] body) throws IOException, InterruptedException {
        return http.send(authorized(HttpRequest.newBuilder(uri(path))).timeout(Duration.ofSeconds(20)).header("Content-Type", contentType)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body)).build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }

    /** The admin's password after the forced first change, per container (karaf.data). */
    private static final java.util.Map<String, String> ADMIN_PASSWORDS = new java.util.concurrent.ConcurrentHashMap<>();
    private static volatile String accessToken;
    private static volatile long tokenIssuedNanos;

    /** Adds the admin's bearer token (logging in, and doing the forced first password change, when needed). */
    protected HttpRequest.Builder authorized(HttpRequest.Builder b) {
        String token = token();
        return token == null ? b : b.header("Authorization", "Bearer " + token);
    }

    protected String token() {
        if (accessToken != null && System.nanoTime() - tokenIssuedNanos < Duration.ofMinutes(10).toNanos()) {
            return accessToken;
        }
        try {
            String data = System.getProperty("karaf.data");
            java.nio.file.Path initial = java.nio.file.Path.of(data, "security", "initial-admin-password");
            String password = ADMIN_PASSWORDS.get(data);
            if (password == null) {
                long deadline = System.nanoTime() + READY_TIMEOUT.toNanos();
                while (!java.nio.file.Files.exists(initial) && System.nanoTime() < deadline) {
                    Thread.sleep(200);
                }
                password = java.nio.file.Files.readString(initial).trim();
            }
            // the login resource may not be published yet while the platform starts (404 page from Jetty): retry
            HttpResponse<String> first = login(password);
            long loginDeadline = System.nanoTime() + READY_TIMEOUT.toNanos();
            while (first.statusCode() == 404 || first.statusCode() == 503) {
                if (System.nanoTime() > loginDeadline) {
                    throw new IllegalStateException("login not available: " + first.statusCode() + " " + abbreviate(first.body()));
                }
                Thread.sleep(250);
                first = login(password);
            }
            JsonNode login = JSON.readTree(first.body());
            String token = login.path("accessToken").asText(null);
            if (token == null) {
                throw new IllegalStateException("login failed: " + login);
            }
            if (login.path("mustChangePassword").asBoolean()) {
                String next = "It-" + java.util.UUID.randomUUID() + "-Aa1!";
                HttpResponse<String> r = http.send(HttpRequest.newBuilder(uri(API + "/auth/password")).timeout(Duration.ofSeconds(20))
                        .header("Content-Type", "application/json").header("Authorization", "Bearer " + token)
                        .POST(HttpRequest.BodyPublishers.ofString(JSON.createObjectNode().put("currentPassword", password)
                                .put("newPassword", next).toString())).build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
                if (r.statusCode() / 100 != 2) {
                    throw new IllegalStateException("password change failed: " + r.statusCode() + " " + r.body());
                }
                ADMIN_PASSWORDS.put(data, next);
                token = JSON.readTree(login(next).body()).path("accessToken").asText();
            } else {
                ADMIN_PASSWORDS.put(data, password);
            }
            accessToken = token;
            tokenIssuedNanos = System.nanoTime();
            return token;
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private HttpResponse<String> login(String password) throws IOException, InterruptedException {
        return http.send(HttpRequest.newBuilder(uri(API + "/auth/login")).timeout(Duration.ofSeconds(20))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(JSON.createObjectNode().put("username", "admin").put("password", password).toString()))
                .build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }

    protected static JsonNode json(HttpResponse<String> r) {
        try {
            return JSON.readTree(r.body());
        } catch (IOException e) {
            throw new AssertionError("not JSON (" + r.statusCode() + " " + r.uri() + "): " + r.body(), e);
        }
    }

    protected static String contentType(HttpResponse<?> r) {
        return r.headers().firstValue("Content-Type").orElse("");
    }

    /** Asserts an RFC 7807 answer: status, Content-Type application/problem+json, body with the same status. */
    protected static JsonNode assertProblem(int status, HttpResponse<String> r) {
        assertEquals("HTTP status of " + r.request().method() + " " + r.uri() + " (body: " + abbreviate(r.body()) + ")", status, r.statusCode());
        if (!contentType(r).startsWith("application/problem+json")) {
            fail(r.request().method() + " " + r.uri() + " answered Content-Type '" + contentType(r)
                    + "', expected application/problem+json; body: " + abbreviate(r.body()));
        }
        JsonNode body = json(r);
        assertEquals("'status' in the problem body " + body, status, body.path("status").asInt());
        return body;
    }

    protected static String abbreviate(String s) {
        return s == null || s.length() <= 300 ? s : s.substring(0, 300) + "…";
    }

    /** Does {@code path} answer 200 with a JSON body that satisfies {@code test}? */
    protected boolean answers(String path, Predicate<JsonNode> test) {
        try {
            HttpResponse<String> r = get(path);
            return r.statusCode() == 200 && test.test(JSON.readTree(r.body()));
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /** Polls {@code condition} every 50 ms until it holds; fails with {@code what} after {@code timeout}. */
    protected static void await(String what, Duration timeout, Condition condition) throws Exception {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            if (condition.holds()) {
                return;
            }
            if (System.nanoTime() > deadline) {
                fail("timed out after " + timeout.toMillis() + " ms waiting for: " + what);
            }
            Thread.sleep(50);
        }
    }

    @FunctionalInterface
    protected interface Condition {
        boolean holds() throws Exception;
    }

    /** Module ids listed by GET /api/v1/modules. */
    protected Set<String> moduleIds() throws Exception {
        HttpResponse<String> r = get(API + "/modules");
        assertEquals("GET " + API + "/modules: " + abbreviate(r.body()), 200, r.statusCode());
        Set<String> ids = new HashSet<>();
        json(r).forEach(m -> ids.add(m.path("id").asText()));
        return ids;
    }

    /**
     * Runs a Karaf shell command as an admin (as an operator at the console would) and returns
     * what it printed.
     */
    protected String executeCommand(String command) throws Exception {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        PrintStream out = new PrintStream(bytes, true, StandardCharsets.UTF_8);
        InputStream in = new java.io.ByteArrayInputStream(new byte[0]);
        Subject subject = new Subject();
        subject.getPrincipals().add(new UserPrincipal("karaf"));
        subject.getPrincipals().add(new RolePrincipal("admin"));
        subject.getPrincipals().add(new RolePrincipal("manager"));
        subject.getPrincipals().add(new RolePrincipal("viewer"));
        ExecutorService executor = Executors.newSingleThreadExecutor();
        try (Session session = sessionFactory.create(in, out, out)) {
            session.put("APPLICATION", System.getProperty("karaf.name", "root"));
            session.put("USER", "karaf");
            Future<Object> result = executor.submit(() -> Subject.doAs(subject,
                    (PrivilegedExceptionAction<Object>) () -> session.execute(command)));
            result.get(30, TimeUnit.SECONDS);
            out.flush();
            return bytes.toString(StandardCharsets.UTF_8);
        } finally {
            executor.shutdownNow();
        }
    }
}
