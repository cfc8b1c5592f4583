package org.chempark.core.internal;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.List;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The Karaf SSH and web consoles need an account, and a park must not run with a fixed default
 * password. On the first start (no account in etc/users.properties) this creates {@code console-admin}
 * (a break-glass account, named apart from the platform's {@code admin} so the two never share a lockout
 * counter) with a random password, written only to {@code ${karaf.data}/security/console-admin-password}
 * (owner-only). Karaf's JAAS encryption (etc/org.apache.karaf.jaas.cfg) replaces the stored
 * password with its hash at the first login.
 */
@Component(immediate = true)
public class ConsoleAccountBootstrap {
    /** Name of the console account in etc/users.properties. */
    public static final String ACCOUNT = "console-admin";
    private static final Logger LOG = LoggerFactory.getLogger(ConsoleAccountBootstrap.class);
    private static final String ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz23456789";

    @Activate
    public ConsoleAccountBootstrap() {
        String etc = System.getProperty("karaf.etc");
        String data = System.getProperty("karaf.data");
        if (etc == null || data == null) {
            return;
        }
        try {
            ensureAccount(Path.of(etc, "users.properties"), Path.of(data, "security", "console-admin-password"));
        } catch (IOException e) {
            LOG.warn("Could not create the console account: {}", e.getMessage());
        }
    }

    static boolean ensureAccount(Path users, Path passwordFile) throws IOException {
        List<String> lines = Files.exists(users) ? Files.readAllLines(users, StandardCharsets.ISO_8859_1) : List.of();
        boolean hasUser = lines.stream().map(String::trim)
                .anyMatch(l -> !l.isEmpty() && !l.startsWith("#") && !l.startsWith("_g_"));
        if (hasUser) {
            return false;
        }
        SecureRandom rnd = new SecureRandom();
        StringBuilder pw = new StringBuilder();
        for (int i = 0; i < 20; i++) {
            pw.append(ALPHABET.charAt(rnd.nextInt(ALPHABET.length())));
        }
        Files.createDirectories(passwordFile.getParent());
        Files.deleteIfExists(passwordFile);
        Files.createFile(passwordFile, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        Files.writeString(passwordFile, pw + "\n");
        String block = "\n# created on first start by ChemPark; password in " + passwordFile + "\n"
                + ACCOUNT + " = " + pw + ",_g_:admingroup\n"
                + "_g_\\:admingroup = group,admin,manager,viewer,systembundles,ssh\n";
        Files.writeString(users, block, StandardCharsets.ISO_8859_1, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
        try {
            Files.setPosixFilePermissions(users, PosixFilePermissions.fromString("rw-------"));
        } catch (UnsupportedOperationException ignored) {
            // non-POSIX file system
        }
        LOG.info("Karaf console account '{}' created; its password is in {}", ACCOUNT, passwordFile);
        return true;
    }
}
