package io.selvedge.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.selvedge.testing.Browser;
import io.selvedge.testing.BrowserSignIn;
import io.selvedge.testing.InChromium;
import io.selvedge.testing.SelvedgeIntegrationTest;
import java.util.UUID;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** The browser suite's first step: real Chromium signs in with the form and reaches home, the console clean. */
@SelvedgeIntegrationTest
@Tag("store-independent")
class SignInInChromiumIT extends InChromium {

    static final String PASSWORD = "selvage edge on a loom";

    @Test
    void aPersonSignsInWithThePasswordAndReachesHome(Browser.Window window) {
        String username = "chromium-" + UUID.randomUUID().toString().substring(0, 8);
        server.signingIn(UUID.randomUUID(), username, PASSWORD, null);

        window.go(server.url("/signin"));
        assertThat(window.driver().getTitle()).isEqualTo("Sign in · Selvedge");
        window.fill("#username", username).fill("#password", PASSWORD).click("form button[type=submit]");

        window.waitForPath("/");
        assertThat(window.find("main").getText()).contains(username);
        window.assertNoConsoleErrors();
    }

    @Test
    void anAccountThatMustUseMfaEnrolsThenSignsInWithPasswordAndCode(Browser.Window window) {
        String username = "staff-" + UUID.randomUUID().toString().substring(0, 8);
        server.signingIn(UUID.randomUUID(), username, PASSWORD, "PLATFORM_ADMIN");
        BrowserSignIn person = BrowserSignIn.of(server::url, username, PASSWORD);

        person.signIn(window);
        assertThat(person.totpSecret()).isNotBlank();
        assertThat(window.path()).isEqualTo("/");
        assertThat(window.find("main").getText()).contains(username);
        window.assertNoConsoleErrors();

        window.click("header form[action$='/signout'] button");
        window.waitFor(driver -> window.path().equals("/signin"));
        person.signIn(window);
        assertThat(window.path()).isEqualTo("/");
        assertThat(window.find("main").getText()).contains(username);
        window.assertNoConsoleErrors();
    }
}
