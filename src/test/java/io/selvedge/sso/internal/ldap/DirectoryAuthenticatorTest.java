package io.selvedge.sso.internal.ldap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import io.selvedge.sso.internal.ldap.DirectorySignInRefusedException.Reason;
import io.selvedge.sso.internal.ldap.DirectoryUser.DirectoryGroup;
import io.selvedge.testing.TestDirectory;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Sign-ins against a real LDAP directory over TLS (UnboundID in memory), as Active Directory is set up. */
class DirectoryAuthenticatorTest {

    private static final String JANE_PASSWORD = "jane's directory password";

    private static TestDirectory directory;
    private static String jane;
    private static String pat;

    private final DirectoryAuthenticator authenticator =
            new DirectoryAuthenticator(new LdapTimeouts(Duration.ofSeconds(1), Duration.ofSeconds(1)));

    @BeforeAll
    static void aDirectoryWithPeopleAndGroups() {
        directory = TestDirectory.start();
        jane = directory.addPerson("Jane Doe", "jane@corp.example", "jane", JANE_PASSWORD);
        directory.addPerson("Twin One", "twin@corp.example", "twin1", "twin password");
        directory.addPerson("Twin Two", "twin@corp.example", "twin2", "twin password");
        pat = directory.addPerson("Pat (Paren) O*Neil", "pat@corp.example", "pat", "pat's password");
        directory.addGroup("Designers", jane, pat);
        directory.addGroup("Selvedge Admins", jane);
        directory.addGroup("Finance");
    }

    @AfterAll
    static void stop() {
        directory.close();
    }

    @Test
    void aPersonSignsInOverLdapsWithTheirDirectoryPasswordAndComesBackWithTheirGroups() {
        DirectoryUser user = authenticator.authenticate(ldaps(), "Jane@Corp.example", JANE_PASSWORD);

        assertThat(user.dn()).isEqualToIgnoringCase(jane);
        assertThat(user.email()).isEqualTo("jane@corp.example");
        assertThat(user.displayName()).isEqualTo("Jane Doe");
        assertThat(user.groups())
                .extracting(DirectoryGroup::cn)
                .containsExactlyInAnyOrder("Designers", "Selvedge Admins");
        assertThat(user.groups())
                .extracting(group -> group.dn().toLowerCase(java.util.Locale.ROOT))
                .contains(("CN=Designers," + TestDirectory.GROUPS).toLowerCase(java.util.Locale.ROOT));
    }

    @Test
    void aPersonSignsInOverStartTls() {
        DirectoryUser user = authenticator.authenticate(startTls(), "jane@corp.example", JANE_PASSWORD);

        assertThat(user.dn()).isEqualToIgnoringCase(jane);
        assertThat(user.groups()).hasSize(2);
    }

    @Test
    void theSamAccountNameFilterMatchesThePartBeforeTheAt() {
        DirectoryUser user =
                authenticator.authenticate(with(ldaps(), "(sAMAccountName={1})"), "jane@corp.example", JANE_PASSWORD);

        assertThat(user.dn()).isEqualToIgnoringCase(jane);
    }

    @Test
    void aWrongPasswordIsRefused() {
        assertRefused(() -> authenticator.authenticate(ldaps(), "jane@corp.example", "not it"), Reason.WRONG_PASSWORD);
    }

    @Test
    void anUnknownPersonIsRefused() {
        assertRefused(
                () -> authenticator.authenticate(ldaps(), "nobody@corp.example", JANE_PASSWORD),
                Reason.UNKNOWN_ACCOUNT);
    }

    @Test
    void aPersonFoundTwiceIsNotSignedIn() {
        assertRefused(
                () -> authenticator.authenticate(ldaps(), "twin@corp.example", "twin password"),
                Reason.AMBIGUOUS_ACCOUNT);
    }

    @Test
    void anEmptyPasswordIsRefusedBeforeAnythingReachesTheDirectory() {
        int bindsBefore = directory.binds().size();

        assertRefused(() -> authenticator.authenticate(ldaps(), "jane@corp.example", ""), Reason.EMPTY_PASSWORD);
        assertRefused(() -> authenticator.authenticate(ldaps(), "jane@corp.example", null), Reason.EMPTY_PASSWORD);

        assertThat(directory.binds()).hasSize(bindsBefore);
    }

    @Test
    void aWildcardInTheEmailMatchesOnlyItself() {
        // Unencoded, (userPrincipalName=j*@corp.example) would find Jane, and her password would sign her in.
        assertRefused(
                () -> authenticator.authenticate(ldaps(), "j*@corp.example", JANE_PASSWORD), Reason.UNKNOWN_ACCOUNT);
        // Unencoded, (sAMAccountName=*) would match everyone.
        assertRefused(
                () -> authenticator.authenticate(
                        with(ldaps(), "(sAMAccountName={1})"), "*@corp.example", JANE_PASSWORD),
                Reason.UNKNOWN_ACCOUNT);
        // Unencoded, (&(objectClass=user)(userPrincipalName=*)(cn=Jane*)) would find Jane alone.
        assertRefused(
                () -> authenticator.authenticate(
                        with(ldaps(), "(&(objectClass=user)(userPrincipalName={0}))"),
                        "*)(cn=jane*@corp.example",
                        JANE_PASSWORD),
                Reason.UNKNOWN_ACCOUNT);
    }

    @Test
    void somethingThatIsNotAnEmailAddressNeverReachesTheDirectory() {
        int bindsBefore = directory.binds().size();

        assertRefused(
                () -> authenticator.authenticate(ldaps(), "jane doe@corp.example", JANE_PASSWORD),
                Reason.INVALID_EMAIL);
        assertRefused(
                () -> authenticator.authenticate(ldaps(), "jane\u0000@corp.example", JANE_PASSWORD),
                Reason.INVALID_EMAIL);
        assertRefused(() -> authenticator.authenticate(ldaps(), "jane", JANE_PASSWORD), Reason.INVALID_EMAIL);

        assertThat(directory.binds()).hasSize(bindsBefore);
    }

    @Test
    void groupsAreFoundForADnWithFilterCharactersInIt() {
        DirectoryUser user = authenticator.authenticate(ldaps(), "pat@corp.example", "pat's password");

        assertThat(user.dn()).isEqualToIgnoringCase(pat);
        assertThat(user.groups()).extracting(DirectoryGroup::cn).containsExactly("Designers");
    }

    @Test
    void aDirectoryWhoseCertificateTheJvmDoesNotTrustIsRefused() {
        DirectoryConnection withoutCa = new DirectoryConnection(
                directory.ldapsUrl(),
                false,
                TestDirectory.SERVICE_DN,
                TestDirectory.SERVICE_PASSWORD,
                TestDirectory.PEOPLE,
                null,
                TestDirectory.GROUPS,
                null,
                null);
        int bindsBefore = directory.binds().size();

        assertRefused(
                () -> authenticator.authenticate(withoutCa, "jane@corp.example", JANE_PASSWORD),
                Reason.UNTRUSTED_CERTIFICATE);
        assertRefused(
                () -> authenticator.authenticate(withCa(startTls(), null), "jane@corp.example", JANE_PASSWORD),
                Reason.UNTRUSTED_CERTIFICATE);
        assertThat(directory.binds()).as("no password was sent to it").hasSize(bindsBefore);
    }

    @Test
    void aCaOtherThanTheDirectorysIsRefused() {
        try (TestDirectory other = TestDirectory.start()) {
            assertRefused(
                    () -> authenticator.authenticate(
                            withCa(ldaps(), other.caCertificatePem()), "jane@corp.example", JANE_PASSWORD),
                    Reason.UNTRUSTED_CERTIFICATE);
        }
    }

    @Test
    void aCertificateIssuedForAnotherHostIsRefusedEvenFromTheTrustedCa() {
        try (TestDirectory elsewhere = TestDirectory.startWithCertificateFor("ldap.corp.example")) {
            elsewhere.addPerson("Jane Doe", "jane@corp.example", "jane", JANE_PASSWORD);
            DirectoryConnection ldaps = connection(elsewhere, elsewhere.ldapsUrl(), false);
            DirectoryConnection startTls = connection(elsewhere, elsewhere.ldapUrl(), true);

            assertRefused(
                    () -> authenticator.authenticate(ldaps, "jane@corp.example", JANE_PASSWORD),
                    Reason.UNTRUSTED_CERTIFICATE);
            assertRefused(
                    () -> authenticator.authenticate(startTls, "jane@corp.example", JANE_PASSWORD),
                    Reason.UNTRUSTED_CERTIFICATE);
            assertThat(elsewhere.binds()).isEmpty();
        }
    }

    @Test
    void plainLdapWithoutStartTlsIsRefused() {
        assertThatThrownBy(() -> new DirectoryConnection(
                        directory.ldapUrl(),
                        false,
                        TestDirectory.SERVICE_DN,
                        TestDirectory.SERVICE_PASSWORD,
                        TestDirectory.PEOPLE,
                        null,
                        null,
                        null,
                        directory.caCertificatePem()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("ldaps://");
    }

    @Test
    void aDirectoryThatOffersNoStartTlsGetsNoPassword() {
        try (TestDirectory plain = TestDirectory.startWithoutStartTls()) {
            plain.addPerson("Jane Doe", "jane@corp.example", "jane", JANE_PASSWORD);

            assertRefused(
                    () -> authenticator.authenticate(
                            connection(plain, plain.ldapUrl(), true), "jane@corp.example", JANE_PASSWORD),
                    Reason.TLS_UNAVAILABLE);
            assertThat(plain.binds()).noneMatch(TestDirectory.Bind::withPassword);
        }
    }

    @Test
    void aWrongServicePasswordIsTheConnectionsFaultNotThePersons() {
        DirectoryConnection wrongService = new DirectoryConnection(
                directory.ldapsUrl(),
                false,
                TestDirectory.SERVICE_DN,
                "not the service password",
                TestDirectory.PEOPLE,
                null,
                null,
                null,
                directory.caCertificatePem());

        assertRefused(
                () -> authenticator.authenticate(wrongService, "jane@corp.example", JANE_PASSWORD),
                Reason.SERVICE_BIND_FAILED);
    }

    @Test
    void aDirectoryThatIsDownIsACleanRefusal() throws IOException {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            closedPort = socket.getLocalPort();
        }
        DirectoryConnection nobodyListening = withUrl(ldaps(), "ldaps://localhost:" + closedPort);

        assertTimeoutPreemptively(
                Duration.ofSeconds(10),
                () -> assertRefused(
                        () -> authenticator.authenticate(nobodyListening, "jane@corp.example", JANE_PASSWORD),
                        Reason.DIRECTORY_UNREACHABLE));
    }

    @Test
    void aDirectoryThatAcceptsAndNeverAnswersCannotHoldTheSignIn() throws Exception {
        try (SilentServer silent = new SilentServer()) {
            for (DirectoryConnection hanging : List.of(
                    withUrl(ldaps(), "ldaps://localhost:" + silent.port()),
                    withUrl(startTls(), "ldap://localhost:" + silent.port()))) {
                assertTimeoutPreemptively(
                        Duration.ofSeconds(10),
                        () -> assertRefused(
                                () -> authenticator.authenticate(hanging, "jane@corp.example", JANE_PASSWORD),
                                Reason.DIRECTORY_UNREACHABLE));
            }
        }
    }

    private static void assertRefused(ThrowingCallable signIn, Reason reason) {
        assertThatThrownBy(signIn)
                .isInstanceOfSatisfying(
                        DirectorySignInRefusedException.class,
                        refused -> assertThat(refused.reason())
                                .as(String.valueOf(refused.getCause()))
                                .isEqualTo(reason))
                .satisfies(refused -> assertThat(refused.getMessage()).doesNotContain(JANE_PASSWORD));
    }

    private static DirectoryConnection ldaps() {
        return connection(directory, directory.ldapsUrl(), false);
    }

    private static DirectoryConnection startTls() {
        return connection(directory, directory.ldapUrl(), true);
    }

    private static DirectoryConnection connection(TestDirectory directory, String url, boolean startTls) {
        return new DirectoryConnection(
                url,
                startTls,
                TestDirectory.SERVICE_DN,
                TestDirectory.SERVICE_PASSWORD,
                TestDirectory.PEOPLE,
                null,
                TestDirectory.GROUPS,
                null,
                directory.caCertificatePem());
    }

    private static DirectoryConnection with(DirectoryConnection c, String userSearchFilter) {
        return new DirectoryConnection(
                c.url(),
                c.startTls(),
                c.bindDn(),
                c.bindPassword(),
                c.userSearchBase(),
                userSearchFilter,
                c.groupSearchBase(),
                c.groupSearchFilter(),
                c.caCertificatePem());
    }

    private static DirectoryConnection withCa(DirectoryConnection c, String caPem) {
        return new DirectoryConnection(
                c.url(),
                c.startTls(),
                c.bindDn(),
                c.bindPassword(),
                c.userSearchBase(),
                c.userSearchFilter(),
                c.groupSearchBase(),
                c.groupSearchFilter(),
                caPem);
    }

    private static DirectoryConnection withUrl(DirectoryConnection c, String url) {
        return new DirectoryConnection(
                url,
                c.startTls(),
                c.bindDn(),
                c.bindPassword(),
                c.userSearchBase(),
                c.userSearchFilter(),
                c.groupSearchBase(),
                c.groupSearchFilter(),
                c.caCertificatePem());
    }

    /** Accepts connections and never says a word: a directory that hangs. */
    private static final class SilentServer implements AutoCloseable {

        private final ServerSocket socket;
        private final List<Socket> accepted = new CopyOnWriteArrayList<>();

        SilentServer() throws IOException {
            socket = new ServerSocket(0, 10, InetAddress.getLoopbackAddress());
            Thread accept = new Thread(
                    () -> {
                        while (!socket.isClosed()) {
                            try {
                                accepted.add(socket.accept());
                            } catch (IOException closed) {
                                return;
                            }
                        }
                    },
                    "silent-directory");
            accept.setDaemon(true);
            accept.start();
        }

        int port() {
            return socket.getLocalPort();
        }

        @Override
        public void close() throws IOException {
            socket.close();
            for (Socket connection : accepted) {
                connection.close();
            }
        }
    }
}
