package org.chempark.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.EnumSet;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.TimeUnit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.apache.sshd.client.SshClient;
import org.apache.sshd.client.auth.password.UserAuthPasswordFactory;
import org.apache.sshd.client.channel.ChannelExec;
import org.apache.sshd.client.channel.ClientChannelEvent;
import org.apache.sshd.client.keyverifier.AcceptAllServerKeyVerifier;
import org.apache.sshd.client.session.ClientSession;
import org.junit.Test;
import org.junit.runner.RunWith;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerClass;

/**
 * One login for the consoles (R-I.8, R-S): a platform user holding {@code security:console} logs in
 * to Karaf's SSH console and to the web console ({@code /system/console}, HTTP Basic) with the
 * platform password; a platform user without it is refused; wrong console passwords count toward
 * the platform lockout and are audited.
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
public class ConsoleLoginIT extends ChemParkTestSupport {

    private HttpResponse<String> call(String method, String path, String token, String body) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(uri(API + path)).timeout(Duration.ofSeconds(20)).header("Content-Type", "application/json");
        if (token != null) {
            b.header("Authorization", "Bearer " + token);
        }
        b.method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
        return http.send(b.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }

    /** Creates a role and a park user with it, does the forced first password change; returns the final password. */
    private String platformUser(String username, String role, List<String> permissions) throws Exception {
        ObjectNode r = JSON.createObjectNode().put("code", role).put("nameZh", role).put("nameEn", role);
        permissions.forEach(r.putArray("permissions")::add);
        HttpResponse<String> rr = call("POST", "/security/roles", token(), r.toString());
        assertEquals(rr.body(), 201, rr.statusCode());
        long parkOrg = json(call("GET", "/auth/me", token(), null)).path("organisationId").asLong();
        String first = "Granite-Lamp-2026!";
        ObjectNode u = JSON.createObjectNode().put("username", username).put("displayName", username).put("organisationId", parkOrg)
                .put("password", first);
        u.putArray("roles").add(role);
        HttpResponse<String> ur = call("POST", "/security/users", token(), u.toString());
        assertEquals(ur.body(), 201, ur.statusCode());
        JsonNode login = json(call("POST", "/auth/login", null, JSON.createObjectNode().put("username", username).put("password", first).toString()));
        String next = "Console-Pass-2026!";
        HttpResponse<String> pc = call("POST", "/auth/password", login.path("accessToken").asText(),
                JSON.createObjectNode().put("currentPassword", first).put("newPassword", next).toString());
        assertEquals(pc.body(), 204, pc.statusCode());
        return next;
    }

    private int sshPort() throws Exception {
        Properties p = new Properties();
        try (InputStream in = Files.newInputStream(Path.of(System.getProperty("karaf.etc"), "org.apache.karaf.shell.cfg"))) {
            p.load(in);
        }
        return Integer.parseInt(p.getProperty("sshPort").trim());
    }

    /** Logs in over SSH with a password and runs a command; null when the login is refused. */
    private String ssh(String user, String password, String command) throws Exception {
        SshClient client = SshClient.setUpDefaultClient();
        client.setServerKeyVerifier(AcceptAllServerKeyVerifier.INSTANCE);
        client.setUserAuthFactories(List.of(new UserAuthPasswordFactory()));
        client.start();
        try (ClientSession session = client.connect(user, "localhost", sshPort()).verify(10, TimeUnit.SECONDS).getSession()) {
            session.addPasswordIdentity(password);
            try {
                session.auth().verify(20, TimeUnit.SECONDS);
            } catch (org.apache.sshd.common.SshException refused) {
                return null;
            }
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            try (ChannelExec ch = session.createExecChannel(command)) {
                ch.setOut(out);
                ch.setErr(out);
                ch.open().verify(10, TimeUnit.SECONDS);
                ch.waitFor(EnumSet.of(ClientChannelEvent.CLOSED), TimeUnit.SECONDS.toMillis(30));
            }
            return out.toString(StandardCharsets.UTF_8);
        } finally {
            client.stop();
        }
    }

    private int webConsole(String user, String password) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(uri("/system/console/bundles")).timeout(Duration.ofSeconds(20)).GET();
        if (user != null) {
            b.header("Authorization", "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8)));
        }
        return http.send(b.build(), HttpResponse.BodyHandlers.ofString()).statusCode();
    }

    private long auditCount(String user, String action) throws Exception {
        HttpResponse<String> r = call("GET", "/security/audit?user=" + user + "&action=" + action + "&size=100", token(), null);
        assertEquals(r.body(), 200, r.statusCode());
        return json(r).path("total").asLong();
    }

    @Test
    public void platformUsersWithTheConsolePermissionLogInToSshAndWebConsole() throws Exception {
        String ops = platformUser("console-ops", "console-ops", List.of("security:console"));
        String reader = platformUser("console-reader", "console-reader", List.of("security:read", "asset:read"));

        // SSH: allowed with the permission, runs a command
        String out = ssh("console-ops", ops, "shell:echo chempark-console-ok");
        assertTrue("SSH login of a user with security:console: " + out, out != null && out.contains("chempark-console-ok"));
        // refused without it, and with a wrong password
        assertEquals(null, ssh("console-reader", reader, "shell:echo no"));
        assertEquals(null, ssh("console-ops", "Wrong-Pass-2026!", "shell:echo no"));

        // web console, HTTP Basic against the same realm
        assertEquals(200, webConsole("console-ops", ops));
        assertEquals(401, webConsole("console-reader", reader));
        assertEquals(401, webConsole(null, null));

        assertTrue("console logins audited", auditCount("console-ops", "LOGIN") >= 2);
        assertTrue("refusal audited", auditCount("console-reader", "ACCESS_DENIED") >= 2);
        assertTrue("wrong SSH password audited", auditCount("console-ops", "LOGIN_FAILED") >= 1);
    }

    @Test
    public void wrongConsolePasswordsLockThePlatformAccount() throws Exception {
        String password = platformUser("console-lock", "console-lock", List.of("security:console"));
        assertEquals(200, webConsole("console-lock", password));
        for (int i = 0; i < 5; i++) {
            assertEquals(401, webConsole("console-lock", "Wrong-Pass-" + i + "x!"));
        }
        // locked everywhere: the right password no longer opens the console, the SSH server or the web application
        assertEquals(401, webConsole("console-lock", password));
        assertEquals(null, ssh("console-lock", password, "shell:echo no"));
        HttpResponse<String> login = call("POST", "/auth/login", null,
                JSON.createObjectNode().put("username", "console-lock").put("password", password).toString());
        assertEquals(login.body(), 401, login.statusCode());
        assertEquals(1, auditCount("console-lock", "ACCOUNT_LOCKED"));
        assertFalse(json(call("GET", "/security/audit?user=console-lock&action=LOGIN_FAILED&size=100", token(), null)).path("items").isEmpty());
    }
}
