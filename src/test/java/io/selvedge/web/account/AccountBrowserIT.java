package io.selvedge.web.account;

import static org.assertj.core.api.Assertions.assertThat;

import io.selvedge.testing.Browser;
import io.selvedge.testing.BrowserSignIn;
import io.selvedge.testing.InChromium;
import io.selvedge.testing.SelvedgeIntegrationTest;
import java.nio.file.Path;
import java.util.UUID;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** The account page in Chromium: profile, API tokens, language and sessions, as a person uses them. */
@SelvedgeIntegrationTest
@Tag("store-independent")
class AccountBrowserIT extends InChromium {

    static final String PASSWORD = "a selvedge seam never frays";

    @Test
    void aPersonNamesThemselvesAndMakesSeesOnceAndRevokesAnApiToken(Browser.Window window) {
        String username = aCustomer();
        BrowserSignIn.of(server::url, username, PASSWORD).signIn(window);

        window.go(server.url("/account"));
        assertThat(window.find("h1").getText()).isEqualTo("Your account");
        window.fill("#displayName", "Ada Lovelace").click("form[action$='/account/profile'] button");
        window.waitFor(driver -> window.has("#profile .notice"));
        assertThat(window.find("#displayName").getDomProperty("value")).isEqualTo("Ada Lovelace");

        window.fill("#token-name", "nightly export")
                .click("#scope-admin")
                .fill("#token-password", PASSWORD)
                .click("form[action$='/account/tokens'] button[type=submit]");
        String secret = window.find("#new-token").getDomProperty("value");
        assertThat(secret).isNotBlank().hasSizeGreaterThan(30);
        assertThat(window.find("table.tokens").getText()).contains("nightly export", "admin, read, write");
        window.script("document.getElementById('tokens').scrollIntoView()");
        window.screenshot(Path.of("target/screenshots/account.png"));

        window.go(server.url("/account"));
        assertThat(window.has("#new-token")).isFalse();
        assertThat(window.driver().getPageSource()).doesNotContain(secret);
        assertThat(window.find("table.tokens").getText()).contains("nightly export");

        window.click("table.tokens form[action$='/revoke'] button");
        window.waitFor(driver -> window.has("#tokens .notice"));
        assertThat(window.has("table.tokens")).isFalse();
        assertThat(window.find("#tokens").getText()).contains("You have no API tokens.");
        window.assertNoConsoleErrors();
    }

    @Test
    void aPersonSwitchesToPortugueseAndAPortugueseBrowserSeesTheSignInPageInPortuguese(Browser.Window window) {
        String username = aCustomer();
        BrowserSignIn.of(server::url, username, PASSWORD).signIn(window);
        window.go(server.url("/account"));
        window.driver()
                .findElement(org.openqa.selenium.By.cssSelector("#language-choice option[value='pt-PT']"))
                .click();
        window.click("form[action$='/account/language'] button");
        window.waitFor(driver -> window.has("#language .notice"));
        assertThat(window.find("h1").getText()).isEqualTo("A sua conta");
        assertThat(window.find("header .menu").getText()).contains("Conta", "Terminar sessão");
        window.go(server.url("/account/sessions"));
        assertThat(window.find("main").getText()).contains("Onde tem sessão iniciada", "este navegador");
        window.assertNoConsoleErrors();

        Browser.Window portuguese = browser.openIn("pt-PT,pt");
        portuguese.go(server.url("/signin"));
        assertThat(portuguese.driver().getTitle()).isEqualTo("Iniciar sessão · Selvedge");
        assertThat(portuguese.find("label[for=password]").getText()).isEqualTo("Palavra-passe");
        portuguese.assertNoConsoleErrors();
    }

    @Test
    void aPersonSignsOutEveryOtherSessionAndStaysSignedInHere(Browser.Window laptop) {
        String username = aCustomer();
        BrowserSignIn person = BrowserSignIn.of(server::url, username, PASSWORD);
        Browser.Window phone = browser.openIn("en-GB,en");
        person.signIn(phone);
        person.signIn(laptop);

        laptop.go(server.url("/account"));
        assertThat(laptop.find("#sessions").getText()).contains("one other session");
        laptop.click("#sessions button[data-end-others]");
        laptop.waitForPath("/account/sessions");
        assertThat(laptop.find("main").getText()).contains("Every other session is signed out", "this browser");
        assertThat(laptop.all("button[data-session]")).hasSize(1);

        phone.go(server.url("/account"));
        phone.waitForPath("/signin");
        laptop.go(server.url("/account"));
        assertThat(laptop.path()).isEqualTo("/account");
        laptop.assertNoConsoleErrors();
        phone.assertNoConsoleErrors();
    }

    /** A customer without MFA (customers need none unless their group asks). */
    private String aCustomer() {
        String username = "acct-" + UUID.randomUUID().toString().substring(0, 8);
        server.signingIn(UUID.randomUUID(), username, PASSWORD, null);
        return username;
    }
}
