package io.selvedge.web.account;

import static org.assertj.core.api.Assertions.assertThat;

import io.selvedge.identity.AccountLanguages;
import io.selvedge.testing.SelvedgeIntegrationTest;
import io.selvedge.testing.TestHttps;
import io.selvedge.testing.TestServer;
import io.selvedge.testing.WebPages;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The language of a page, in order: the signed-in person's saved choice, else the browser's
 * {@code Accept-Language} among English and Portuguese (Portugal), else English.
 */
@SelvedgeIntegrationTest
class PageLanguageIT {

    static final String PASSWORD = "indigo dye fades to sky";

    @Autowired
    TestServer server;

    @Autowired
    AccountLanguages languages;

    @Test
    void withoutAChoiceTheBrowserDecidesAndEnglishIsTheFallback() {
        HttpClient browser = server.client();

        assertThat(page(browser, "/signin", null).body()).contains("lang=\"en\"", "<h1>Sign in</h1>");
        assertThat(page(browser, "/signin", "pt-PT,pt;q=0.9,en;q=0.5").body())
                .contains("lang=\"pt-PT\"", "<h1>Iniciar sessão</h1>", "Palavra-passe");
        assertThat(page(browser, "/signin", "pt").body()).contains("<h1>Iniciar sessão</h1>");
        assertThat(page(browser, "/signin", "fr-FR,de;q=0.8").body()).contains("lang=\"en\"", "<h1>Sign in</h1>");
    }

    @Test
    void theSavedChoiceWinsOverTheBrowserFromTheNextPageOn() {
        UUID id = aCustomer();
        HttpClient browser = server.client();
        WebPages.signIn(browser, server.url("/signin"), usernameOf(id), PASSWORD);
        assertThat(page(browser, "/account", "pt-PT").body()).contains("<h1>A sua conta</h1>");

        choose(browser, "en");
        assertThat(languages.languageOf(id)).contains(Locale.ENGLISH);
        assertThat(page(browser, "/account", "pt-PT").body()).contains("lang=\"en\"", "<h1>Your account</h1>");

        choose(browser, "pt-PT");
        assertThat(page(browser, "/account", "en-GB").body()).contains("lang=\"pt-PT\"", "<h1>A sua conta</h1>");
        assertThat(page(browser, "/account/sessions", null).body()).contains("este navegador");
        String csrf = WebPages.csrfTokenOf(TestHttps.get(browser, server.url("/account")));
        HttpResponse<String> weak = WebPages.post(
                browser,
                server.url("/account/password"),
                Map.of(
                        "_csrf",
                        csrf,
                        "currentPassword",
                        PASSWORD,
                        "newPassword",
                        "curta",
                        "repeatedPassword",
                        "curta"));
        assertThat(weak.statusCode()).isEqualTo(400);
        assertThat(weak.body()).contains("Use pelo menos 15 caracteres");

        choose(browser, "");
        assertThat(languages.languageOf(id)).isEmpty();
        assertThat(page(browser, "/account", "en").body()).contains("<h1>Your account</h1>");
    }

    @Test
    void aLanguageThePagesAreNotWrittenInIsRefused() {
        UUID id = aCustomer();
        HttpClient browser = server.client();
        WebPages.signIn(browser, server.url("/signin"), usernameOf(id), PASSWORD);

        String csrf = WebPages.csrfTokenOf(TestHttps.get(browser, server.url("/account")));
        HttpResponse<String> refused =
                WebPages.post(browser, server.url("/account/language"), Map.of("_csrf", csrf, "language", "de"));

        assertThat(refused.statusCode()).isEqualTo(400);
        assertThat(refused.body()).contains("English and Portuguese (Portugal) only");
        assertThat(languages.languageOf(id)).isEmpty();
    }

    private void choose(HttpClient browser, String language) {
        String csrf = WebPages.csrfTokenOf(TestHttps.get(browser, server.url("/account")));
        HttpResponse<String> saved =
                WebPages.post(browser, server.url("/account/language"), Map.of("_csrf", csrf, "language", language));
        assertThat(saved.statusCode()).isEqualTo(302);
        assertThat(saved.headers().firstValue("Location"))
                .hasValueSatisfying(to -> assertThat(to).contains("/account?languageSaved"));
    }

    private HttpResponse<String> page(HttpClient browser, String path, String acceptLanguage) {
        HttpRequest.Builder request = HttpRequest.newBuilder(server.url(path)).GET();
        if (acceptLanguage != null) {
            request.header("Accept-Language", acceptLanguage);
        }
        HttpResponse<String> page = TestHttps.send(browser, request.build());
        assertThat(page.statusCode()).as("GET %s", path).isEqualTo(200);
        return page;
    }

    private UUID aCustomer() {
        UUID id = UUID.randomUUID();
        server.signingIn(id, usernameOf(id), PASSWORD, null);
        return id;
    }

    private static String usernameOf(UUID id) {
        return "lang-" + id.toString().substring(0, 8);
    }
}
