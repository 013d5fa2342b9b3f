package io.selvedge.testing;

import com.unboundid.ldap.listener.InMemoryDirectoryServer;
import com.unboundid.ldap.listener.InMemoryDirectoryServerConfig;
import com.unboundid.ldap.listener.InMemoryListenerConfig;
import com.unboundid.ldap.listener.interceptor.InMemoryInterceptedSimpleBindRequest;
import com.unboundid.ldap.listener.interceptor.InMemoryOperationInterceptor;
import com.unboundid.ldap.sdk.LDAPException;
import com.unboundid.ldif.LDIFException;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.net.InetAddress;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.KeyStore;
import java.security.SecureRandom;
import java.security.cert.Certificate;
import java.security.cert.X509Certificate;
import java.security.spec.ECGenParameterSpec;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.openssl.jcajce.JcaPEMWriter;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;

/**
 * An Active Directory stand-in in the test JVM (UnboundID's in-memory LDAP server): an {@code ldaps://}
 * listener and an {@code ldap://} listener offering StartTLS, both on loopback, presenting a certificate issued
 * by a CA made for this directory alone (so the JVM's trust store does not trust it; {@link
 * #caCertificatePem()} does). People carry {@code userPrincipalName} and {@code sAMAccountName} as in AD;
 * groups list their members' DNs in {@code member}. Every simple bind that reaches it is recorded.
 */
public final class TestDirectory implements AutoCloseable {

    public static final String BASE = "DC=corp,DC=example";
    public static final String PEOPLE = "OU=People," + BASE;
    public static final String GROUPS = "OU=Groups," + BASE;
    public static final String SERVICE_DN = "CN=selvedge-reader,OU=Service," + BASE;
    public static final String SERVICE_PASSWORD = "service-account-secret-1";

    /** A simple bind as the directory received it. */
    public record Bind(String dn, boolean withPassword) {}

    private final InMemoryDirectoryServer server;
    private final String caPem;
    private final List<Bind> binds = new CopyOnWriteArrayList<>();

    private TestDirectory(String[] serverNames, boolean startTls) {
        try {
            KeyPair caKeys = ecKeyPair();
            X509Certificate ca = certificateAuthority(caKeys);
            KeyPair serverKeys = ecKeyPair();
            X509Certificate leaf = serverCertificate(ca, caKeys, serverKeys, serverNames);
            SSLContext tls = serverContext(serverKeys, leaf, ca);
            InMemoryDirectoryServerConfig config = new InMemoryDirectoryServerConfig(BASE);
            config.setSchema(null); // AD's attributes (userPrincipalName, sAMAccountName) are not in the default schema
            config.addAdditionalBindCredentials(SERVICE_DN, SERVICE_PASSWORD);
            config.setListenerConfigs(
                    InMemoryListenerConfig.createLDAPSConfig(
                            "ldaps", InetAddress.getLoopbackAddress(), 0, tls.getServerSocketFactory(), null),
                    InMemoryListenerConfig.createLDAPConfig(
                            "ldap", InetAddress.getLoopbackAddress(), 0, startTls ? tls.getSocketFactory() : null));
            config.addInMemoryOperationInterceptor(new InMemoryOperationInterceptor() {
                @Override
                public void processSimpleBindRequest(InMemoryInterceptedSimpleBindRequest request) {
                    binds.add(new Bind(
                            request.getRequest().getBindDN(),
                            request.getRequest().getPassword() != null
                                    && request.getRequest().getPassword().getValueLength() > 0));
                }
            });
            server = new InMemoryDirectoryServer(config);
            server.add("dn: " + BASE, "objectClass: top", "objectClass: domain", "dc: corp");
            server.add("dn: " + PEOPLE, "objectClass: top", "objectClass: organizationalUnit", "ou: People");
            server.add("dn: " + GROUPS, "objectClass: top", "objectClass: organizationalUnit", "ou: Groups");
            server.startListening();
            caPem = pem(ca);
        } catch (LDAPException | LDIFException | GeneralSecurityException | IOException e) {
            throw new IllegalStateException("Cannot start the test directory", e);
        }
    }

    /** A directory for {@code localhost} and {@code 127.0.0.1}, with StartTLS. */
    public static TestDirectory start() {
        return new TestDirectory(new String[] {"localhost", "127.0.0.1"}, true);
    }

    /** A directory whose certificate names only {@code serverNames} (to see the host name checked). */
    public static TestDirectory startWithCertificateFor(String... serverNames) {
        return new TestDirectory(serverNames, true);
    }

    /** A directory whose {@code ldap://} listener offers no StartTLS. */
    public static TestDirectory startWithoutStartTls() {
        return new TestDirectory(new String[] {"localhost", "127.0.0.1"}, false);
    }

    public String ldapsUrl() {
        return "ldaps://localhost:" + server.getListenPort("ldaps");
    }

    /** The {@code ldap://} listener; StartTLS must be asked for on it. */
    public String ldapUrl() {
        return "ldap://localhost:" + server.getListenPort("ldap");
    }

    /** The PEM of the CA that issued the directory's certificate. */
    public String caCertificatePem() {
        return caPem;
    }

    /** Adds a person under {@link #PEOPLE}; returns the entry's DN. */
    public String addPerson(String cn, String userPrincipalName, String samAccountName, String password) {
        String dn = "CN=" + escapeRdnValue(cn) + "," + PEOPLE;
        add(
                "dn: " + dn,
                "objectClass: top",
                "objectClass: person",
                "objectClass: user",
                "cn: " + cn,
                "sn: " + cn,
                "displayName: " + cn,
                "userPrincipalName: " + userPrincipalName,
                "sAMAccountName: " + samAccountName,
                "mail: " + userPrincipalName,
                "userPassword: " + password);
        return dn;
    }

    /** Adds a group under {@link #GROUPS} with these members' DNs; returns the group's DN. */
    public String addGroup(String cn, String... memberDns) {
        String dn = "CN=" + escapeRdnValue(cn) + "," + GROUPS;
        List<String> lines =
                new ArrayList<>(List.of("dn: " + dn, "objectClass: top", "objectClass: group", "cn: " + cn));
        for (String member : memberDns) {
            lines.add("member: " + member);
        }
        add(lines.toArray(String[]::new));
        return dn;
    }

    public void add(String... ldif) {
        try {
            server.add(ldif);
        } catch (LDAPException | LDIFException e) {
            throw new IllegalStateException("Cannot add the entry: " + e.getMessage(), e);
        }
    }

    /** The simple binds received so far, in order. */
    public List<Bind> binds() {
        return List.copyOf(binds);
    }

    @Override
    public void close() {
        server.shutDown(true);
    }

    /** Names with parentheses and asterisks are fine in a DN (RFC 4514), and must be encoded in a filter. */
    private static String escapeRdnValue(String value) {
        if (value.matches(".*[,+\"\\<>;=].*") || value.startsWith("#") || value.startsWith(" ")) {
            throw new IllegalArgumentException("Keep test names free of DN special characters: " + value);
        }
        return value;
    }

    private static KeyPair ecKeyPair() throws GeneralSecurityException {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
        generator.initialize(new ECGenParameterSpec("secp256r1"));
        return generator.generateKeyPair();
    }

    private static X509Certificate certificateAuthority(KeyPair keys) {
        try {
            X500Name name = new X500Name("CN=Corp Test Root CA, O=Selvedge test directory");
            JcaX509v3CertificateBuilder builder =
                    new JcaX509v3CertificateBuilder(name, serial(), notBefore(), notAfter(), name, keys.getPublic());
            builder.addExtension(Extension.basicConstraints, true, new BasicConstraints(true));
            builder.addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.keyCertSign | KeyUsage.cRLSign));
            return sign(builder, keys);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static X509Certificate serverCertificate(
            X509Certificate ca, KeyPair caKeys, KeyPair serverKeys, String[] serverNames) {
        try {
            JcaX509v3CertificateBuilder builder = new JcaX509v3CertificateBuilder(
                    X500Name.getInstance(ca.getSubjectX500Principal().getEncoded()),
                    serial(),
                    notBefore(),
                    notAfter(),
                    new X500Name("CN=" + serverNames[0] + ", O=Selvedge test directory"),
                    serverKeys.getPublic());
            GeneralName[] names = new GeneralName[serverNames.length];
            for (int i = 0; i < serverNames.length; i++) {
                boolean ip = serverNames[i].matches("[0-9.]+");
                names[i] = new GeneralName(ip ? GeneralName.iPAddress : GeneralName.dNSName, serverNames[i]);
            }
            builder.addExtension(Extension.subjectAlternativeName, false, new GeneralNames(names));
            builder.addExtension(Extension.basicConstraints, true, new BasicConstraints(false));
            return sign(builder, caKeys);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static X509Certificate sign(JcaX509v3CertificateBuilder builder, KeyPair signer) {
        try {
            var contentSigner = new JcaContentSignerBuilder("SHA256withECDSA").build(signer.getPrivate());
            return new JcaX509CertificateConverter().getCertificate(builder.build(contentSigner));
        } catch (Exception e) {
            throw new IllegalStateException("Cannot sign a test certificate", e);
        }
    }

    private static SSLContext serverContext(KeyPair keys, X509Certificate leaf, X509Certificate ca)
            throws GeneralSecurityException, IOException {
        KeyStore store = KeyStore.getInstance("PKCS12");
        store.load(null, null);
        store.setKeyEntry("directory", keys.getPrivate(), new char[0], new Certificate[] {leaf, ca});
        KeyManagerFactory factory = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
        factory.init(store, new char[0]);
        SSLContext context = SSLContext.getInstance("TLS");
        context.init(factory.getKeyManagers(), null, null);
        return context;
    }

    private static BigInteger serial() {
        return new BigInteger(64, new SecureRandom()).add(BigInteger.ONE);
    }

    private static Date notBefore() {
        return Date.from(Instant.now().minus(Duration.ofMinutes(5)));
    }

    private static Date notAfter() {
        return Date.from(Instant.now().plus(Duration.ofDays(30)));
    }

    private static String pem(Object object) throws IOException {
        StringWriter text = new StringWriter();
        try (JcaPEMWriter writer = new JcaPEMWriter(text)) {
            writer.writeObject(object);
        }
        return text.toString();
    }
}
