package io.selvedge.sso.internal.ldap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** The settings a directory sign-in refuses to use: anything that could send a password in clear. */
class DirectoryConnectionTest {

    @Test
    void ldapsAndLdapWithStartTlsAreAccepted() {
        assertThatCode(() -> DirectoryConnection.requireSafeUrl("ldaps://dc1.corp.example:636", false))
                .doesNotThrowAnyException();
        assertThatCode(() -> DirectoryConnection.requireSafeUrl("LDAP://dc1.corp.example:389", true))
                .doesNotThrowAnyException();
        assertThatCode(() -> DirectoryConnection.requireSafeUrl("ldaps://10.0.0.5", false))
                .doesNotThrowAnyException();
    }

    @Test
    void plainLdapOtherSchemesAndAnythingButOneServerAreRefused() {
        for (String[] refused : new String[][] {
            {"ldap://dc1.corp.example:389", "false"},
            {"ldaps://dc1.corp.example:636", "true"},
            {"http://dc1.corp.example", "false"},
            {"ldaps://dc1.corp.example ldaps://dc2.corp.example", "false"},
            {"ldaps://user:secret@dc1.corp.example", "false"},
            {"ldaps://dc1.corp.example/DC=corp,DC=example", "false"},
            {"ldaps://dc1.corp.example/?sub", "false"},
            {"ldaps:///", "false"},
            {"", "false"}
        }) {
            assertThatThrownBy(() -> DirectoryConnection.requireSafeUrl(refused[0], Boolean.parseBoolean(refused[1])))
                    .as(refused[0] + " startTls=" + refused[1])
                    .isInstanceOf(IllegalArgumentException.class);
        }
    }

    @Test
    void anEmptyServicePasswordIsRefusedForItWouldBindAnonymously() {
        assertThatThrownBy(() -> new DirectoryConnection(
                        "ldaps://dc1.corp.example", false, "CN=reader,DC=corp", "", "DC=corp", null, null, null, null))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("bindPassword");
    }

    @Test
    void filtersDefaultToActiveDirectorysAndMustUseTheirPlaceholder() {
        DirectoryConnection defaults = new DirectoryConnection(
                "ldaps://dc1.corp.example", false, "CN=reader,DC=corp", "secret", "DC=corp", " ", null, "", null);

        assertThat(defaults.effectiveUserSearchFilter()).isEqualTo("(userPrincipalName={0})");
        assertThat(defaults.effectiveGroupSearchFilter()).isEqualTo("(member={0})");
        assertThat(defaults.toString()).doesNotContain("secret");
        assertThatThrownBy(() -> new DirectoryConnection(
                        "ldaps://dc1.corp.example",
                        false,
                        "CN=reader,DC=corp",
                        "secret",
                        "DC=corp",
                        "(objectClass=user)",
                        null,
                        null,
                        null))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new DirectoryConnection(
                        "ldaps://dc1.corp.example",
                        false,
                        "CN=reader,DC=corp",
                        "secret",
                        "DC=corp",
                        null,
                        null,
                        "(member={1})",
                        null))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
