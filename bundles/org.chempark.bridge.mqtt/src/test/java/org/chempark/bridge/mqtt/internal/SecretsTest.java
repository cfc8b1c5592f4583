package org.chempark.bridge.mqtt.internal;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class SecretsTest {
    @Test
    void hashVerifiesOnlyTheSameSecret() {
        String secret = Secrets.generate();
        assertThat(secret).hasSize(32).matches("[A-Za-z0-9_-]+");
        String hash = Secrets.hash(secret, 1000);
        assertThat(hash).startsWith("pbkdf2-sha256$1000$").doesNotContain(secret);
        assertThat(Secrets.verify(secret, hash)).isTrue();
        assertThat(Secrets.verify(secret + "x", hash)).isFalse();
        assertThat(Secrets.hash(secret, 1000)).as("salted").isNotEqualTo(hash);
        assertThat(Secrets.verify(secret, "")).isFalse();
        assertThat(Secrets.verify(secret, "plain")).isFalse();
        assertThat(Secrets.verify(secret, "pbkdf2-sha256$x$y$z")).isFalse();
    }
}
