package org.chempark.notify.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.BufferedReader;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.TrustManagerFactory;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The SMTP client against SMTP servers in the test: STARTTLS with a real TLS handshake (a
 * self-signed certificate made with the JDK's keytool), refusal to send in clear text when TLS
 * is required, and a rejected recipient surfacing as an error (so the outbox retries).
 */
class SmtpClientTest {
    @TempDir
    static Path dir;
    static SSLContext server;
    static SSLContext client;

    @BeforeAll
    static void certificates() throws Exception {
        Path ks = dir.resolve("smtp.p12");
        Process p = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "keytool").toString(), "-genkeypair", "-alias", "smtp",
                "-keyalg", "EC", "-groupname", "secp256r1", "-dname", "CN=localhost", "-ext", "SAN=ip:127.0.0.1,dns:localhost", "-validity", "2",
                "-storetype", "PKCS12", "-keystore", ks.toString(), "-storepass", "changeit", "-keypass", "changeit").redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes());
        assertThat(p.waitFor()).as(out).isZero();
        KeyStore store = KeyStore.getInstance("PKCS12");
        try (InputStream in = Files.newInputStream(ks)) {
            store.load(in, "changeit".toCharArray());
        }
        KeyManagerFactory kmf = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
        kmf.init(store, "changeit".toCharArray());
        server = SSLContext.getInstance("TLS");
        server.init(kmf.getKeyManagers(), null, null);
        TrustManagerFactory tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        tmf.init(store);
        client = SSLContext.getInstance("TLS");
        client.init(null, tmf.getTrustManagers(), null);
    }

    /** One SMTP session; offers STARTTLS when {@code tls}; answers RCPT with {@code rcptReply}. */
    static Thread serve(ServerSocket ss, boolean tls, String rcptReply, List<String> log) {
        Thread t = new Thread(() -> {
            try (Socket plain = ss.accept()) {
                Socket s = plain;
                BufferedReader in = new BufferedReader(new InputStreamReader(s.getInputStream(), StandardCharsets.UTF_8));
                OutputStream out = s.getOutputStream();
                out.write("220 test ESMTP\r\n".getBytes());
                boolean data = false;
                boolean secure = false;
                for (String line; (line = in.readLine()) != null;) {
                    log.add((secure ? "[tls] " : "") + line);
                    if (data) {
                        if (line.equals(".")) {
                            data = false;
                            out.write("250 2.0.0 queued\r\n".getBytes());
                        }
                        continue;
                    }
                    if (line.startsWith("STARTTLS")) {
                        out.write("220 2.0.0 ready\r\n".getBytes());
                        out.flush();
                        SSLSocket ssl = (SSLSocket) server.getSocketFactory().createSocket(plain, "127.0.0.1", plain.getPort(), true);
                        ssl.setUseClientMode(false);
                        ssl.startHandshake();
                        s = ssl;
                        secure = true;
                        in = new BufferedReader(new InputStreamReader(s.getInputStream(), StandardCharsets.UTF_8));
                        out = s.getOutputStream();
                        continue;
                    }
                    String reply = line.startsWith("EHLO") ? (tls && !secure ? "250-test\r\n250 STARTTLS\r\n" : "250-test\r\n250 8BITMIME\r\n")
                            : line.startsWith("RCPT") ? rcptReply + "\r\n"
                            : line.startsWith("DATA") ? "354 go\r\n"
                            : line.startsWith("QUIT") ? "221 bye\r\n" : "250 ok\r\n";
                    data = line.startsWith("DATA");
                    out.write(reply.getBytes());
                    out.flush();
                    if (line.startsWith("QUIT") || reply.startsWith("5")) {
                        return;
                    }
                }
            } catch (Exception e) {
                log.add("server: " + e);
            }
        });
        t.setDaemon(true);
        t.start();
        return t;
    }

    static SmtpClient client(int port, boolean requireTls) {
        return new SmtpClient(new SmtpClient.Settings("127.0.0.1", port, true, requireTls, "", "", "chempark@park.example", 5000),
                client.getSocketFactory());
    }

    @Test
    void startTlsUpgradesTheConnectionBeforeAnythingIsSent() throws Exception {
        List<String> log = Collections.synchronizedList(new ArrayList<>());
        try (ServerSocket ss = new ServerSocket(0)) {
            Thread t = serve(ss, true, "250 ok", log);
            String reply = client(ss.getLocalPort(), true).send("duty@park.example", "测试", "正文");
            t.join(5000);
            assertThat(reply).startsWith("250");
        }
        assertThat(log).contains("STARTTLS", "[tls] EHLO chempark", "[tls] MAIL FROM:<chempark@park.example>");
        assertThat(log).noneMatch(l -> l.startsWith("MAIL FROM")); // never in clear text
    }

    @Test
    void withoutStartTlsARequiredTlsConnectionSendsNothing() throws Exception {
        List<String> log = Collections.synchronizedList(new ArrayList<>());
        try (ServerSocket ss = new ServerSocket(0)) {
            serve(ss, false, "250 ok", log);
            assertThatThrownBy(() -> client(ss.getLocalPort(), true).send("duty@park.example", "s", "b"))
                    .hasMessageContaining("STARTTLS");
        }
        assertThat(log).noneMatch(l -> l.contains("MAIL FROM"));
    }

    @Test
    void aRejectedRecipientIsAnError() throws Exception {
        try (ServerSocket ss = new ServerSocket(0)) {
            serve(ss, false, "550 5.1.1 no such user", new ArrayList<>());
            assertThatThrownBy(() -> client(ss.getLocalPort(), false).send("nobody@park.example", "s", "b"))
                    .isInstanceOfSatisfying(SmtpClient.SmtpException.class, e -> assertThat(e.code).isEqualTo(550));
        }
    }
}
