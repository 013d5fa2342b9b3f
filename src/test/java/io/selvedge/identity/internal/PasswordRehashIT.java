package io.selvedge.identity.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.selvedge.testing.SelvedgeIntegrationTest;
import io.selvedge.testing.TestServer;
import io.selvedge.testing.WebPages;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.crypto.argon2.Argon2PasswordEncoder;

/** A hash made with older, weaker Argon2 parameters is replaced at the next sign-in. */
@SelvedgeIntegrationTest
class PasswordRehashIT {

    static final String PASSWORD = "hemmed by hand in Okayama";

    @Autowired
    TestServer server;

    @Autowired
    Accounts accounts;

    @Test
    void aWeakerHashIsUpgradedAtSignIn() {
        String username = "rehash-" + UUID.randomUUID().toString().substring(0, 8);
        String weak = new Argon2PasswordEncoder(16, 32, 1, 4096, 1).encode(PASSWORD);
        accounts.createStaff(username, weak, StaffRole.OPERATIONS);
        assertThat(weak).startsWith("$argon2id$v=19$m=4096,t=1,p=1$");

        WebPages.signIn(server.client(), server.url("/signin"), username, PASSWORD);

        String upgraded = accounts.findByUsername(username).orElseThrow().passwordHash();
        assertThat(upgraded).startsWith("$argon2id$v=19$m=19456,t=2,p=1$");
        assertThat(IdentityConfiguration.argon2id().matches(PASSWORD, upgraded)).isTrue();
    }
}
