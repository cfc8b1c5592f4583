package org.chempark.bridge.opcua.internal;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import java.util.List;

import org.eclipse.milo.opcua.stack.client.security.ClientCertificateValidator;
import org.eclipse.milo.opcua.stack.client.security.DefaultClientCertificateValidator;
import org.eclipse.milo.opcua.stack.core.UaException;
import org.eclipse.milo.opcua.stack.core.security.DefaultTrustListManager;
import org.eclipse.milo.opcua.stack.core.util.DigestUtil;
import org.eclipse.milo.opcua.stack.core.util.SelfSignedCertificateBuilder;
import org.osgi.framework.BundleContext;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The client's application instance certificate and the trust list of DCS certificates, kept
 * under {@code ${karaf.data}/opcua/client/}:
 * <ul>
 * <li>{@code client.p12} — RSA 2048 key and self-signed certificate, created on first start;</li>
 * <li>{@code pki/trusted/certs} — server certificates an admin trusts (DER, {@code .der});</li>
 * <li>{@code pki/rejected} — certificates presented by servers and not trusted (copy one to trusted to trust it);</li>
 * <li>{@code pinned/<connection>} — thumbprint of a certificate accepted by trust-on-first-use.</li>
 * </ul>
 */
@Component(service = ClientPki.class)
public class ClientPki implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(ClientPki.class);
    private static final String ALIAS = "chempark-opcua-client";
    private static final char[] STORE_PASSWORD = "chempark".toCharArray();

    private final Path dir;
    private final KeyPair keyPair;
    private final X509Certificate certificate;
    private final DefaultTrustListManager trustList;
    private final String applicationUri;

    @Activate
    public ClientPki(BundleContext context) throws Exception {
        this(dataDir(context));
    }

    ClientPki(Path dir) throws Exception {
        this.dir = dir;
        Files.createDirectories(dir);
        String host = hostname();
        this.applicationUri = "urn:chempark:opcua:client:" + host;
        Path store = dir.resolve("client.p12");
        KeyStore ks = KeyStore.getInstance("PKCS12");
        if (Files.exists(store)) {
            try (InputStream in = Files.newInputStream(store)) {
                ks.load(in, STORE_PASSWORD);
            }
        } else {
            KeyPairGenerator gen = KeyPairGenerator.getInstance("RSA");
            gen.initialize(2048);
            KeyPair kp = gen.generateKeyPair();
            X509Certificate cert = new SelfSignedCertificateBuilder(kp)
                    .setCommonName("ChemPark OPC UA client").setOrganization("ChemPark").setCountryCode("CN")
                    .setApplicationUri(applicationUri).addDnsName(host).setValidityPeriod(java.time.Period.ofYears(10))
                    .build();
            ks.load(null, STORE_PASSWORD);
            ks.setKeyEntry(ALIAS, kp.getPrivate(), STORE_PASSWORD, new X509Certificate[] { cert });
            Path tmp = dir.resolve("client.p12.tmp");
            try (OutputStream out = Files.newOutputStream(tmp)) {
                ks.store(out, STORE_PASSWORD);
            }
            Files.move(tmp, store, java.nio.file.StandardCopyOption.ATOMIC_MOVE);
            LOG.info("OPC UA client certificate created in {} (thumbprint {})", store, thumbprint(cert));
        }
        X509Certificate cert = (X509Certificate) ks.getCertificate(ALIAS);
        this.keyPair = new KeyPair(cert.getPublicKey(), (PrivateKey) ks.getKey(ALIAS, STORE_PASSWORD));
        this.certificate = cert;
        this.trustList = new DefaultTrustListManager(dir.resolve("pki").toFile());
        Files.createDirectories(dir.resolve("pinned"));
    }

    private static Path dataDir(BundleContext context) {
        String karafData = context.getProperty("karaf.data");
        return karafData != null ? Path.of(karafData, "opcua", "client") : context.getDataFile("opcua-client").toPath();
    }

    private static String hostname() {
        try {
            return InetAddress.getLocalHost().getHostName();
        } catch (IOException e) {
            return "localhost";
        }
    }

    @Deactivate
    @Override
    public void close() throws IOException {
        trustList.close();
    }

    Path dir() {
        return dir;
    }

    KeyPair keyPair() {
        return keyPair;
    }

    X509Certificate certificate() {
        return certificate;
    }

    String applicationUri() {
        return applicationUri;
    }

    DefaultTrustListManager trustList() {
        return trustList;
    }

    /** Trusts a server certificate (what an admin does by copying it into pki/trusted/certs). */
    void trust(X509Certificate cert) {
        trustList.addTrustedCertificate(cert);
    }

    /**
     * The validator of one connection: the trust list, and with {@code trustFirst} the first
     * certificate the server presents is added to the trust list and pinned to the connection.
     */
    ClientCertificateValidator validator(String connection, boolean trustFirst) {
        DefaultClientCertificateValidator delegate = new DefaultClientCertificateValidator(trustList);
        return new ClientCertificateValidator() {
            @Override
            public void validateCertificateChain(List<X509Certificate> chain) throws UaException {
                try {
                    delegate.validateCertificateChain(chain);
                } catch (UaException untrusted) {
                    trustOnFirstUse(chain, untrusted);
                    delegate.validateCertificateChain(chain);
                }
            }

            @Override
            public void validateCertificateChain(List<X509Certificate> chain, String applicationUri, String... hostnames)
                    throws UaException {
                try {
                    delegate.validateCertificateChain(chain, applicationUri, hostnames);
                } catch (UaException untrusted) {
                    trustOnFirstUse(chain, untrusted);
                    delegate.validateCertificateChain(chain, applicationUri, hostnames);
                }
            }

            private void trustOnFirstUse(List<X509Certificate> chain, UaException untrusted) throws UaException {
                Path pin = dir.resolve("pinned").resolve(connection);
                if (!trustFirst || chain.isEmpty() || Files.exists(pin)) {
                    throw untrusted;
                }
                X509Certificate cert = chain.get(0);
                try {
                    Files.writeString(pin, thumbprint(cert) + "\n", StandardCharsets.UTF_8);
                } catch (IOException e) {
                    throw untrusted;
                }
                trustList.addTrustedCertificate(cert);
                LOG.info("OPC UA connection {}: trusted the server certificate {} ({}) on first use",
                        connection, cert.getSubjectX500Principal(), thumbprint(cert));
            }
        };
    }

    static String thumbprint(X509Certificate cert) {
        try {
            return java.util.HexFormat.of().formatHex(DigestUtil.sha1(cert.getEncoded()));
        } catch (Exception e) {
            return "?";
        }
    }
}
