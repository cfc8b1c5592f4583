package org.chempark.notify.internal;

import javax.net.ssl.SSLSocketFactory;

import org.chempark.sdk.notify.Notification;
import org.chempark.sdk.notify.NotificationChannel;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;
import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.Designate;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/**
 * E-mail over SMTP for {@code mailto:} recipients. Exists only when PID {@value Config#PID} is
 * configured with a host; without it {@code mailto:} recipients go to the log-only channel and
 * their deliveries say LOGGED.
 */
@Component(service = NotificationChannel.class, configurationPid = EmailChannel.Config.PID, configurationPolicy = ConfigurationPolicy.REQUIRE,
        property = "service.ranking:Integer=10")
@Designate(ocd = EmailChannel.Config.class)
public class EmailChannel implements NotificationChannel {
    @ObjectClassDefinition(id = Config.PID, name = "ChemPark e-mail notifications 邮件通知 (SMTP)")
    public @interface Config {
        String PID = "org.chempark.notify.email";

        @AttributeDefinition(name = "SMTP host")
        String host();

        @AttributeDefinition(name = "SMTP port")
        int port() default 587;

        @AttributeDefinition(name = "Use STARTTLS when offered")
        boolean starttls() default true;

        @AttributeDefinition(name = "Refuse to send without TLS")
        boolean require_tls() default true;

        @AttributeDefinition(name = "User name (empty: no AUTH)", required = false)
        String username() default "";

        @AttributeDefinition(name = "Password", type = org.osgi.service.metatype.annotations.AttributeType.PASSWORD, required = false)
        String password() default "";

        @AttributeDefinition(name = "Sender address 发件人")
        String from() default "chempark@localhost";

        @AttributeDefinition(name = "Timeout (ms)")
        int timeout_ms() default 15000;
    }

    private final SmtpClient client;

    @Activate
    public EmailChannel(Config c) {
        this(new SmtpClient.Settings(c.host(), c.port(), c.starttls(), c.require_tls(), c.username(), c.password(), c.from(), c.timeout_ms()),
                (SSLSocketFactory) SSLSocketFactory.getDefault());
    }

    EmailChannel(SmtpClient.Settings s, SSLSocketFactory tls) {
        this.client = new SmtpClient(s, tls);
    }

    @Override
    public String id() {
        return "email";
    }

    @Override
    public boolean accepts(String recipient) {
        return recipient.startsWith("mailto:");
    }

    @Override
    public Delivery deliver(long outboxId, Notification n, String recipient) throws Exception {
        String reply = client.send(recipient.substring("mailto:".length()), n.subject(), n.body());
        return new Delivery(Outcome.DELIVERED, reply);
    }
}
