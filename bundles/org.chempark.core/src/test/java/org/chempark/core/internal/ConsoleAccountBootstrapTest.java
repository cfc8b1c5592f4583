package org.chempark.core.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ConsoleAccountBootstrapTest {
    @TempDir
    Path dir;

    @Test
    void createsOneRandomAdminOnlyOnce() throws Exception {
        Path users = dir.resolve("users.properties");
        Files.writeString(users, "#karaf = karaf,_g_:admingroup\n#_g_\\:admingroup = group,admin\n");
        Path pw = dir.resolve("security/console-admin-password");
        assertThat(ConsoleAccountBootstrap.ensureAccount(users, pw)).isTrue();
        String password = Files.readString(pw).trim();
        assertThat(password).hasSize(20);
        assertThat(Files.getPosixFilePermissions(pw)).isEqualTo(PosixFilePermissions.fromString("rw-------"));
        assertThat(Files.readString(users)).contains("admin = " + password + ",_g_:admingroup");
        assertThat(ConsoleAccountBootstrap.ensureAccount(users, pw)).as("second start keeps the account").isFalse();
        assertThat(Files.readString(pw).trim()).isEqualTo(password);
        Path other = dir.resolve("other");
        Files.createDirectories(other);
        ConsoleAccountBootstrap.ensureAccount(other.resolve("users.properties"), other.resolve("pw"));
        assertThat(Files.readString(other.resolve("pw")).trim()).isNotEqualTo(password);
    }
}
