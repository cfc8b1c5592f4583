package org.chempark.notify.internal;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

import org.chempark.sdk.notify.Notification;
import org.chempark.sdk.notify.NotificationChannel;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;
import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.Designate;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/**
 * Text messages through an HTTP SMS gateway for {@code sms:} recipients: POSTs the configured
 * template with {@code {mobile}}, {@code {subject}} and {@code {text}} filled in (JSON-escaped);
 * a 2xx answer is a delivery, anything else is retried. Exists only when PID {@value Config#PID}
 * is configured with a URL.
 */
@Component(service = NotificationChannel.class, configurationPid = SmsChannel.Config.PID, configurationPolicy = ConfigurationPolicy.REQUIRE,
        property = "service.ranking:Integer=10")
@Designate(ocd = SmsChannel.Config.class)
public class SmsChannel implements NotificationChannel {
    @ObjectClassDefinition(id = Config.PID, name = "ChemPark SMS notifications 短信通知 (HTTP gateway)")
    public @interface Config {
        String PID = "org.chempark.notify.sms";

        @AttributeDefinition(name = "Gateway URL")
        String url();

        @AttributeDefinition(name = "Body template")
        String template() default "{\"mobile\":\"{mobile}\",\"content\":\"{subject} {text}\"}";

        @AttributeDefinition(name = "Content type")
        String content_type() default "application/json; charset=UTF-8";

        @AttributeDefinition(name = "Authorization header (empty: none)", type = org.osgi.service.metatype.annotations.AttributeType.PASSWORD,
                required = false)
        String authorization() default "";

        @AttributeDefinition(name = "Longest text 最大字数")
        int max_chars() default 300;

        @AttributeDefinition(name = "Timeout (ms)")
        int timeout_ms() default 10000;
    }

    private final Config c;
    private final HttpClient http;

    @Activate
    public SmsChannel(Config c) {
        this.c = c;
        this.http = HttpClient.newBuilder().connectTimeout(Duration.ofMillis(c.timeout_ms())).build();
    }

    @Override
    public String id() {
        return "sms";
    }

    @Override
    public boolean accepts(String recipient) {
        return recipient.startsWith("sms:");
    }

    @Override
    public Delivery deliver(long outboxId, Notification n, String recipient) throws Exception {
        String text = n.body().length() > c.max_chars() ? n.body().substring(0, c.max_chars()) : n.body();
        String body = c.template().replace("{mobile}", esc(recipient.substring(4))).replace("{subject}", esc(n.subject()))
                .replace("{text}", esc(text)).replace("{id}", String.valueOf(outboxId));
        HttpRequest.Builder req = HttpRequest.newBuilder(URI.create(c.url())).timeout(Duration.ofMillis(c.timeout_ms()))
                .header("Content-Type", c.content_type()).POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
        if (!c.authorization().isBlank()) {
            req.header("Authorization", c.authorization());
        }
        HttpResponse<String> r = http.send(req.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        String answer = r.body() == null ? "" : r.body().length() > 200 ? r.body().substring(0, 200) : r.body();
        if (r.statusCode() / 100 != 2) {
            throw new IOException("SMS gateway answered HTTP " + r.statusCode() + ": " + answer);
        }
        return new Delivery(Outcome.DELIVERED, "HTTP " + r.statusCode() + " " + answer);
    }

    static String esc(String s) {
        StringBuilder sb = new StringBuilder();
        for (char ch : s.toCharArray()) {
            switch (ch) {
                case '"' -> sb.append("\\\"");
                case '\\' -> sb.append("\\\\");
                case '\n' -> sb.append("\\n");
                case '\r' -> sb.append("\\r");
                default -> {
                    if (ch < 0x20) {
                        sb.append(String.format("\\u%04x", (int) ch));
                    } else {
                        sb.append(ch);
                    }
                }
            }
        }
        return sb.toString();
    }
}
