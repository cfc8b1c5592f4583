package org.chempark.bridge.mqtt.internal;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

import javax.security.auth.Subject;

import org.apache.activemq.artemis.core.security.CheckType;
import org.apache.activemq.artemis.core.security.Role;
import org.apache.activemq.artemis.spi.core.protocol.RemotingConnection;
import org.apache.activemq.artemis.spi.core.security.ActiveMQSecurityManager5;
import org.apache.activemq.artemis.spi.core.security.jaas.NoCacheLoginException;
import org.apache.activemq.artemis.spi.core.security.jaas.RolePrincipal;
import org.apache.activemq.artemis.spi.core.security.jaas.UserPrincipal;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Authenticates MQTT devices against their factory configurations (secret hash) and lets a device
 * publish only to its own topic {@code chempark/v1/{deviceId}/readings}. One more principal, the
 * platform's own in-VM consumer, authenticates with a random password made at broker start.
 * Karaf's console users are never accepted here.
 *
 * <p>The broker authenticates again whenever its security cache expires (every 10 s for every
 * connection). A PBKDF2 check costs tens of milliseconds of CPU, so a secret that passed it once is
 * remembered as its SHA-256 digest together with the stored hash it matched: the next check of the
 * same secret against the same stored hash is one digest. A changed secret (new hash), a disabled or
 * removed device never passes on the remembered digest. Connection listeners are added once per
 * connection, not on every re-authentication.
 */
final class DeviceSecurityManager implements ActiveMQSecurityManager5 {
    static final String DEVICE_ROLE = "device";
    static final String PLATFORM_ROLE = "platform";
    private static final Logger LOG = LoggerFactory.getLogger(DeviceSecurityManager.class);

    private final DeviceRegistry registry;
    private final String platformUser;
    private final byte[] platformPassword;
    /** device id → the stored hash a secret matched and that secret's SHA-256 */
    private final Map<String, Verified> verified = new ConcurrentHashMap<>();
    private final Set<Object> tracked = ConcurrentHashMap.newKeySet();
    private final AtomicLong slowChecks = new AtomicLong();

    private record Verified(String secretHash, byte[] digest) {
    }

    DeviceSecurityManager(DeviceRegistry registry, String platformUser, String platformPassword) {
        this.registry = registry;
        this.platformUser = platformUser;
        this.platformPassword = Secrets.utf8(platformPassword);
    }

    /** Core address of a device's topic (MQTT {@code /} becomes {@code .}). */
    static String deviceAddress(String deviceId) {
        return "chempark.v1." + deviceId + ".readings";
    }

    /** The device id in a core address {@code chempark.v1.{id}.readings}, or null. */
    static String deviceOf(String address) {
        if (address == null || !address.startsWith("chempark.v1.") || !address.endsWith(".readings")) {
            return null;
        }
        String id = address.substring("chempark.v1.".length(), address.length() - ".readings".length());
        return DeviceRegistry.DEVICE_ID.matcher(id).matches() ? id : null;
    }

    @Override
    public Subject authenticate(String user, String password, RemotingConnection connection, String securityDomain)
            throws NoCacheLoginException {
        if (user == null || password == null) {
            throw new NoCacheLoginException("anonymous connections are refused; connect with the device id and secret");
        }
        if (platformUser.equals(user)) {
            if (MessageDigest.isEqual(platformPassword, Secrets.utf8(password)) && connection != null
                    && isInVm(connection)) {
                return subject(user, PLATFORM_ROLE);
            }
            throw new NoCacheLoginException("refused");
        }
        DeviceRegistry.Device d = registry.find(user).orElse(null);
        if (d == null || !d.enabled() || !secretMatches(user, password, d.secretHash())) {
            LOG.info("MQTT login refused for {} from {}: {}", user, connection == null ? "?" : connection.getRemoteAddress(),
                    d == null ? "no such device" : !d.enabled() ? "device disabled" : "wrong or unset secret");
            throw new NoCacheLoginException("refused");
        }
        if (connection != null && tracked.add(connection.getID())) {
            Object id = connection.getID();
            registry.connected(user, id, () -> connection.fail(
                    new org.apache.activemq.artemis.api.core.ActiveMQSecurityException("device disabled, removed or secret changed")));
            connection.addCloseListener(() -> {
                tracked.remove(id);
                registry.disconnected(user, id, "disconnected");
            });
            connection.addFailureListener(new org.apache.activemq.artemis.core.remoting.FailureListener() {
                @Override
                public void connectionFailed(org.apache.activemq.artemis.api.core.ActiveMQException e, boolean failedOver) {
                    tracked.remove(id);
                    registry.disconnected(user, id, e == null || e.getMessage() == null || e.getMessage().isBlank()
                            ? "connection lost" : "connection lost: " + e.getMessage());
                }

                @Override
                public void connectionFailed(org.apache.activemq.artemis.api.core.ActiveMQException e, boolean failedOver,
                        String scaleDownTargetNodeID) {
                    connectionFailed(e, failedOver);
                }
            });
        }
        return subject(user, DEVICE_ROLE);
    }

    /** The secret against the device's stored hash: one digest when this secret matched this hash before, else PBKDF2. */
    boolean secretMatches(String user, String password, String secretHash) {
        if (secretHash == null || secretHash.isEmpty()) {
            return false;
        }
        byte[] digest = sha256(password);
        Verified v = verified.get(user);
        if (v != null && v.secretHash().equals(secretHash) && MessageDigest.isEqual(v.digest(), digest)) {
            return true;
        }
        slowChecks.incrementAndGet();
        if (!Secrets.verify(password, secretHash)) {
            return false;
        }
        verified.put(user, new Verified(secretHash, digest));
        return true;
    }

    /** PBKDF2 checks done so far (for tests). */
    long slowChecks() {
        return slowChecks.get();
    }

    private static byte[] sha256(String s) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(Secrets.utf8(s));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 unavailable", e);
        }
    }

    private static boolean isInVm(RemotingConnection connection) {
        return connection.getTransportConnection() != null
                && connection.getTransportConnection().getClass().getSimpleName().startsWith("InVM");
    }

    private static Subject subject(String user, String role) {
        Subject s = new Subject();
        s.getPrincipals().add(new UserPrincipal(user));
        s.getPrincipals().add(new RolePrincipal(role));
        s.setReadOnly();
        return s;
    }

    @Override
    public boolean authorize(Subject subject, Set<Role> roles, CheckType checkType, String address) {
        if (subject == null) {
            return false;
        }
        String user = null;
        boolean platform = false;
        for (java.security.Principal p : subject.getPrincipals()) {
            if (p instanceof RolePrincipal && PLATFORM_ROLE.equals(p.getName())) {
                platform = true;
            } else if (p instanceof UserPrincipal) {
                user = p.getName();
            }
        }
        if (platform) {
            return true;
        }
        if (user == null) {
            return false;
        }
        DeviceRegistry.Device d = registry.find(user).orElse(null);
        if (d == null || !d.enabled()) {
            return false;
        }
        return switch (checkType) {
            case SEND, CREATE_ADDRESS -> deviceAddress(user).equals(address);
            default -> false;
        };
    }

    @Override
    public boolean validateUser(String user, String password) {
        return false;
    }

    @Override
    public boolean validateUserAndRole(String user, String password, Set<Role> roles, CheckType checkType) {
        return false;
    }
}
