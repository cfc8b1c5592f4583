package org.chempark.notify.internal;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.UUID;

import javax.net.ssl.SSLSocket;
import javax.net.ssl.SSLSocketFactory;

/**
 * A small SMTP client (RFC 5321) over a socket: EHLO, STARTTLS (RFC 3207) when the server offers
 * it (required when {@code requireTls}), AUTH PLAIN when credentials are set, one message with a
 * UTF-8 subject (RFC 2047) and a base64 UTF-8 text body. Each send opens its own connection.
 */
final class SmtpClient {
    /** An SMTP reply that is not what the step needs. */
    static final class SmtpException extends IOException {
        private static final long serialVersionUID = 1L;
        final int code;

        SmtpException(int code, String message) {
            super(message);
            this.code = code;
        }
    }

    record Settings(String host, int port, boolean startTls, boolean requireTls, String username, String password, String from,
            int timeoutMs) {
    }

    private final Settings s;
    private final SSLSocketFactory tls;

    SmtpClient(Settings s, SSLSocketFactory tls) {
        this.s = s;
        this.tls = tls;
    }

    /** Sends one message; returns the server's reply to the end of DATA (e.g. "250 2.0.0 queued as …"). */
    String send(String to, String subject, String body) throws IOException {
        try (Socket plain = new Socket()) {
            plain.connect(new InetSocketAddress(s.host(), s.port()), s.timeoutMs());
            plain.setSoTimeout(s.timeoutMs());
            Socket socket = plain;
            Conn c = new Conn(socket);
            c.expect(220);
            List<String> ext = c.ehlo();
            if (s.startTls() && ext.stream().anyMatch(e -> e.equalsIgnoreCase("STARTTLS"))) {
                c.command("STARTTLS", 220);
                SSLSocket ssl = (SSLSocket) tls.createSocket(plain, s.host(), s.port(), true);
                ssl.startHandshake();
                socket = ssl;
                c = new Conn(socket);
                ext = c.ehlo();
            } else if (s.requireTls()) {
                throw new SmtpException(0, "the SMTP server does not offer STARTTLS and TLS is required");
            }
            if (s.username() != null && !s.username().isBlank()) {
                String token = Base64.getEncoder().encodeToString(("\0" + s.username() + "\0" + s.password()).getBytes(StandardCharsets.UTF_8));
                c.command("AUTH PLAIN " + token, 235);
            }
            c.command("MAIL FROM:<" + s.from() + ">", 250);
            c.command("RCPT TO:<" + to + ">", 250, 251);
            c.command("DATA", 354);
            StringBuilder msg = new StringBuilder();
            msg.append("From: <").append(s.from()).append(">\r\n");
            msg.append("To: <").append(to).append(">\r\n");
            msg.append("Subject: ").append(encodedWord(subject)).append("\r\n");
            msg.append("Date: ").append(DateTimeFormatter.RFC_1123_DATE_TIME.format(ZonedDateTime.now())).append("\r\n");
            msg.append("Message-ID: <").append(UUID.randomUUID()).append('@').append(s.host()).append(">\r\n");
            msg.append("MIME-Version: 1.0\r\nContent-Type: text/plain; charset=UTF-8\r\nContent-Transfer-Encoding: base64\r\n\r\n");
            String b64 = Base64.getMimeEncoder(76, "\r\n".getBytes(StandardCharsets.US_ASCII)).encodeToString(body.getBytes(StandardCharsets.UTF_8));
            msg.append(b64).append("\r\n.\r\n");
            c.write(msg.toString());
            String reply = c.expect(250);
            c.command("QUIT", 221);
            return reply;
        }
    }

    static String encodedWord(String s) {
        boolean ascii = s.chars().allMatch(ch -> ch >= 0x20 && ch < 0x7f);
        return ascii ? s : "=?UTF-8?B?" + Base64.getEncoder().encodeToString(s.getBytes(StandardCharsets.UTF_8)) + "?=";
    }

    private static final class Conn {
        private final BufferedReader in;
        private final OutputStream out;

        Conn(Socket socket) throws IOException {
            this.in = new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.US_ASCII));
            this.out = socket.getOutputStream();
        }

        void write(String s) throws IOException {
            out.write(s.getBytes(StandardCharsets.UTF_8));
            out.flush();
        }

        /** Reads one (possibly multi-line) reply and checks its code; returns its text. */
        String expect(int... codes) throws IOException {
            StringBuilder text = new StringBuilder();
            String line;
            int code;
            do {
                line = in.readLine();
                if (line == null || line.length() < 3) {
                    throw new SmtpException(0, "the SMTP server closed the connection");
                }
                code = Integer.parseInt(line.substring(0, 3));
                text.append(line).append('\n');
            } while (line.length() > 3 && line.charAt(3) == '-');
            for (int c : codes) {
                if (c == code) {
                    return text.toString().strip();
                }
            }
            throw new SmtpException(code, "SMTP server answered: " + text.toString().strip());
        }

        String command(String cmd, int... codes) throws IOException {
            write(cmd + "\r\n");
            return expect(codes);
        }

        List<String> ehlo() throws IOException {
            String reply = command("EHLO chempark", 250);
            List<String> ext = new ArrayList<>();
            for (String l : reply.split("\n")) {
                if (l.length() > 4) {
                    ext.add(l.substring(4).strip().split(" ")[0]);
                }
            }
            return ext;
        }
    }
}
