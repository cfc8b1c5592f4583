package org.chempark.notify.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;

import javax.net.ssl.SSLSocketFactory;
import javax.sql.DataSource;

import com.sun.net.httpserver.HttpServer;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.chempark.sdk.notify.Notification;
import org.chempark.sdk.notify.NotificationChannel;
import org.chempark.sdk.rest.PageQuery;
import org.chempark.sdk.security.OrganisationType;
import org.chempark.sdk.security.Subject;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The notification outbox against a real PostgreSQL, a real SMTP conversation with a socket
 * server in the test, and a real HTTP SMS gateway in the test: in-app inboxes, e-mail, SMS,
 * retries with back-off, delivery records, and log-only as the default (never a fake success).
 */
class OutboxTest {
    @TempDir
    static Path dir;
    static EmbeddedPostgres pg;
    static DataSource ds;
    static Inbox inbox;
    static final MutableClock clock = new MutableClock(Instant.parse("2026-06-01T00:00:00Z"));
    static final List<NotificationChannel> channels = Collections.synchronizedList(new ArrayList<>());
    static Outbox outbox;

    static final class MutableClock extends Clock {
        volatile Instant now;

        MutableClock(Instant now) {
            this.now = now;
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }

    @BeforeAll
    static void start() throws Exception {
        pg = EmbeddedPostgres.builder().setDataDirectory(dir.resolve("data")).setOverrideWorkingDirectory(dir.resolve("bin").toFile()).start();
        ds = pg.getPostgresDatabase();
        new org.chempark.core.db.internal.JdbcSchemaMigrator(ds).migrate("notify", OutboxTest.class.getClassLoader(), "db/notify",
                NotifyService.MIGRATIONS);
        inbox = new Inbox(new Db(ds));
        outbox = new Outbox(new Db(ds), clock, () -> {
            List<NotificationChannel> l = new ArrayList<>();
            l.add(inbox);
            l.addAll(channels);
            l.add(new LogChannel());
            return l;
        }, 3, Duration.ofSeconds(30));
    }

    @AfterAll
    static void stop() throws Exception {
        pg.close();
    }

    static Outbox.DeliveryRow delivery(long outboxId, String recipient) throws Exception {
        return org.chempark.sdk.security.SubjectHolder.runAs(Subject.system("test"), () -> outbox.one(outboxId)).deliveries().stream()
                .filter(d -> d.recipient().equals(recipient)).findFirst().orElseThrow();
    }

    @Test
    void inAppMessagesReachEveryoneTheAddressDesignates() throws Exception {
        long id = outbox.send(new Notification("risk.warning", "【红色预警】甲醇储罐区", "请在 30 分钟内核查", List.of("enterprise:7", "role:park-regulator",
                "user:99"), 7L, "risk/warning/1"));
        outbox.dispatch();
        assertThat(delivery(id, "enterprise:7").status()).isEqualTo("DELIVERED");
        assertThat(delivery(id, "enterprise:7").channel()).isEqualTo("in-app");
        Subject e7 = new Subject(42, "e7", 70, OrganisationType.ENTERPRISE, 7L, Set.of(), Set.of("enterprise-safety"), Set.of(), "zh-CN");
        Subject e8 = new Subject(43, "e8", 80, OrganisationType.ENTERPRISE, 8L, Set.of(), Set.of("enterprise-safety"), Set.of(), "zh-CN");
        Subject regulator = new Subject(2, "reg", 1, OrganisationType.DEPARTMENT, null, Set.of(), Set.of("park-regulator"), Set.of(), "zh-CN");
        PageQuery q = PageQuery.parse(0, 50, null, Set.of());
        assertThat(inbox.list(e7, q, false).items()).extracting(Inbox.Message::subject).contains("【红色预警】甲醇储罐区");
        assertThat(inbox.list(e8, q, false).items()).extracting(Inbox.Message::outboxId).doesNotContain(id);
        Inbox.Message m = inbox.list(regulator, q, true).items().stream().filter(x -> x.outboxId() == id).findFirst().orElseThrow();
        inbox.markRead(regulator, m.id());
        assertThat(inbox.list(regulator, q, true).items()).extracting(Inbox.Message::outboxId).doesNotContain(id);
        assertThat(inbox.list(regulator, q, false).items()).filteredOn(x -> x.outboxId() == id).singleElement()
                .satisfies(x -> assertThat(x.read()).isTrue());
    }

    @Test
    void withoutAnEmailChannelMailIsOnlyLoggedAndSaysSo() throws Exception {
        long id = outbox.send(new Notification("test", "s", "b", List.of("mailto:nobody@example.com"), null, null));
        outbox.dispatch();
        Outbox.DeliveryRow d = delivery(id, "mailto:nobody@example.com");
        assertThat(d.status()).isEqualTo("LOGGED");
        assertThat(d.channel()).isEqualTo("log");
        assertThat(d.detail()).contains("log only");
    }

    @Test
    void emailGoesThroughARealSmtpConversation() throws Exception {
        List<String> received = Collections.synchronizedList(new ArrayList<>());
        try (ServerSocket server = new ServerSocket(0)) {
            Thread t = new Thread(() -> smtpServer(server, received));
            t.setDaemon(true);
            t.start();
            EmailChannel email = new EmailChannel(new SmtpClient.Settings("127.0.0.1", server.getLocalPort(), true, false, "alert", "secret",
                    "chempark@park.example", 5000), (SSLSocketFactory) SSLSocketFactory.getDefault());
            channels.add(email);
            try {
                long id = outbox.send(new Notification("risk.warning", "【红色预警】液氨储罐区", "液位 HH 报警", List.of("mailto:duty@park.example"), 7L, null));
                outbox.dispatch();
                Outbox.DeliveryRow d = delivery(id, "mailto:duty@park.example");
                assertThat(d.status()).isEqualTo("DELIVERED");
                assertThat(d.channel()).isEqualTo("email");
                assertThat(d.detail()).contains("250").contains("queued");
            } finally {
                channels.remove(email);
            }
            t.join(5000);
        }
        String transcript = String.join("\n", received);
        assertThat(transcript).contains("EHLO chempark", "MAIL FROM:<chempark@park.example>", "RCPT TO:<duty@park.example>");
        assertThat(transcript).contains("AUTH PLAIN " + Base64.getEncoder().encodeToString("\0alert\0secret".getBytes(StandardCharsets.UTF_8)));
        String subjectLine = received.stream().filter(l -> l.startsWith("Subject: ")).findFirst().orElseThrow();
        String encoded = subjectLine.substring("Subject: =?UTF-8?B?".length(), subjectLine.length() - 2);
        assertThat(new String(Base64.getDecoder().decode(encoded), StandardCharsets.UTF_8)).isEqualTo("【红色预警】液氨储罐区");
    }

    /** A minimal SMTP server: one session, no STARTTLS offered, records every line it receives. */
    static void smtpServer(ServerSocket server, List<String> received) {
        try (Socket s = server.accept()) {
            BufferedReader in = new BufferedReader(new InputStreamReader(s.getInputStream(), StandardCharsets.UTF_8));
            OutputStream out = s.getOutputStream();
            out.write("220 test ESMTP\r\n".getBytes());
            boolean data = false;
            for (String line; (line = in.readLine()) != null;) {
                received.add(line);
                if (data) {
                    if (line.equals(".")) {
                        data = false;
                        out.write("250 2.0.0 Ok: queued as T1\r\n".getBytes());
                    }
                    continue;
                }
                String reply = line.startsWith("EHLO") ? "250-test\r\n250-AUTH PLAIN\r\n250 8BITMIME\r\n"
                        : line.startsWith("AUTH") ? "235 2.7.0 ok\r\n"
                        : line.startsWith("DATA") ? "354 go ahead\r\n"
                        : line.startsWith("QUIT") ? "221 bye\r\n" : "250 ok\r\n";
                data = line.startsWith("DATA");
                out.write(reply.getBytes());
                out.flush();
                if (line.startsWith("QUIT")) {
                    return;
                }
            }
        } catch (Exception e) {
            received.add("server error: " + e);
        }
    }

    @Test
    void smsGatewayFailuresAreRetriedWithBackoffThenDeliveredOrFailed() throws Exception {
        AtomicInteger calls = new AtomicInteger();
        List<String> bodies = Collections.synchronizedList(new ArrayList<>());
        HttpServer http = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        http.createContext("/sms", ex -> {
            bodies.add(new String(ex.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
            boolean ok = calls.incrementAndGet() == 2 || ex.getRequestURI().getQuery() == null && bodies.get(bodies.size() - 1).contains("13800000001");
            byte[] answer = (ok ? "{\"code\":0}" : "{\"code\":500}").getBytes();
            ex.sendResponseHeaders(ok ? 200 : 503, answer.length);
            ex.getResponseBody().write(answer);
            ex.close();
        });
        http.start();
        String url = "http://127.0.0.1:" + http.getAddress().getPort() + "/sms";
        SmsChannel sms = new SmsChannel((SmsChannel.Config) java.lang.reflect.Proxy.newProxyInstance(SmsChannel.Config.class.getClassLoader(),
                new Class<?>[] { SmsChannel.Config.class }, (p, m, a) -> m.getName().equals("url") ? url : m.getDefaultValue()));
        channels.add(sms);
        Instant saved = clock.now;
        try {
            long id = outbox.send(new Notification("risk.warning", "红色预警", "液位 \"HH\"", List.of("sms:13800000000"), 7L, null));
            outbox.dispatch(); // first call: 503
            Outbox.DeliveryRow d1 = delivery(id, "sms:13800000000");
            assertThat(d1.status()).isEqualTo("PENDING");
            assertThat(d1.attempts()).isEqualTo(1);
            assertThat(d1.lastError()).contains("503");
            assertThat(d1.nextAttemptAt()).isEqualTo(clock.now.plusSeconds(30));
            assertThat(outbox.dispatch()).isZero(); // not due yet
            clock.now = clock.now.plusSeconds(31);
            outbox.dispatch(); // second call: 200
            Outbox.DeliveryRow d2 = delivery(id, "sms:13800000000");
            assertThat(d2.status()).isEqualTo("DELIVERED");
            assertThat(d2.attempts()).isEqualTo(2);
            assertThat(outbox.attempts(d2.id())).extracting(a -> a.get("outcome")).containsExactly("ERROR", "DELIVERED");
            assertThat(bodies.get(0)).contains("\"mobile\":\"13800000000\"").contains("液位 \\\"HH\\\"");

            // a gateway that keeps failing: 3 attempts (30 s, 60 s apart), then FAILED
            long id2 = outbox.send(new Notification("t", "s", "b", List.of("sms:13900000000"), null, null));
            outbox.dispatch();
            clock.now = clock.now.plusSeconds(30);
            outbox.dispatch();
            assertThat(delivery(id2, "sms:13900000000").status()).isEqualTo("PENDING");
            clock.now = clock.now.plusSeconds(59);
            assertThat(outbox.dispatch()).isZero();
            clock.now = clock.now.plusSeconds(1);
            outbox.dispatch();
            Outbox.DeliveryRow f = delivery(id2, "sms:13900000000");
            assertThat(f.status()).isEqualTo("FAILED");
            assertThat(f.attempts()).isEqualTo(3);
        } finally {
            clock.now = saved;
            channels.remove(sms);
            http.stop(0);
        }
    }
}
