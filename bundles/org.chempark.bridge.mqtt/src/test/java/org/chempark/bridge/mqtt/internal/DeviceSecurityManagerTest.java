package org.chempark.bridge.mqtt.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.apache.activemq.artemis.spi.core.security.jaas.NoCacheLoginException;
import org.junit.jupiter.api.Test;

/** Device logins: the broker re-authenticates every connection every 10 s; PBKDF2 runs once per secret and hash. */
class DeviceSecurityManagerTest {
    private final DeviceRegistry registry = new DeviceRegistry();
    private final DeviceSecurityManager security = new DeviceSecurityManager(registry, "platform", "platform-pw");

    @Test
    void aSecretThatPassedOnceIsCheckedByDigestUntilTheStoredHashChanges() throws Exception {
        String secret = Secrets.generate();
        registry.put(new DeviceRegistry.Device("gw-1", 1, "", true, Secrets.hash(secret, 1000)));

        assertThat(security.authenticate("gw-1", secret, null, null)).isNotNull();
        assertThat(security.authenticate("gw-1", secret, null, null)).isNotNull();
        assertThat(security.authenticate("gw-1", secret, null, null)).isNotNull();
        assertThat(security.slowChecks()).as("PBKDF2 only for the first login").isEqualTo(1);

        assertThatThrownBy(() -> security.authenticate("gw-1", secret + "x", null, null)).isInstanceOf(NoCacheLoginException.class);
        assertThat(security.authenticate("gw-1", secret, null, null)).as("a wrong secret does not evict the right one").isNotNull();

        // a new secret: the old one is refused although it was remembered
        String renewed = Secrets.generate();
        registry.put(new DeviceRegistry.Device("gw-1", 1, "", true, Secrets.hash(renewed, 1000)));
        assertThatThrownBy(() -> security.authenticate("gw-1", secret, null, null)).isInstanceOf(NoCacheLoginException.class);
        assertThat(security.authenticate("gw-1", renewed, null, null)).isNotNull();

        // disabled, then removed: refused whatever was remembered
        registry.put(new DeviceRegistry.Device("gw-1", 1, "", false, Secrets.hash(renewed, 1000)));
        assertThatThrownBy(() -> security.authenticate("gw-1", renewed, null, null)).isInstanceOf(NoCacheLoginException.class);
        registry.remove("gw-1", registry.find("gw-1").orElseThrow());
        assertThatThrownBy(() -> security.authenticate("gw-1", renewed, null, null)).isInstanceOf(NoCacheLoginException.class);
    }

    @Test
    void anUnsetSecretNeverPasses() {
        registry.put(new DeviceRegistry.Device("gw-2", 1, "", true, ""));
        assertThatThrownBy(() -> security.authenticate("gw-2", "", null, null)).isInstanceOf(NoCacheLoginException.class);
        assertThat(security.secretMatches("gw-2", "anything", null)).isFalse();
    }
}
