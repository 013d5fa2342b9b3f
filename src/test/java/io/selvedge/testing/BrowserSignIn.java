package io.selvedge.testing;

import io.selvedge.crypto.OneTimeCodes;
import java.net.URI;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.function.Function;
import org.openqa.selenium.WebElement;

/**
 * Signs a person in through the real pages in Chromium, the way they would: the password, then the
 * second step or, for an account that must use MFA and has none yet, the enrolment of an authenticator
 * app (whose key is read off the page, as a person would scan it). The same object signs the account in
 * again later, with the next one-time code (never the one used before: codes are single-use) or a
 * recovery code.
 */
public final class BrowserSignIn {

    private final Function<String, URI> url;
    private final String username;
    private final String password;
    private String totpSecret;
    private long lastStep = -1;
    private final Deque<String> recoveryCodes = new ArrayDeque<>();

    private BrowserSignIn(Function<String, URI> url, String username, String password) {
        this.url = url;
        this.username = username;
        this.password = password;
    }

    /** For an account of the server at {@code url} ({@code path -> https://localhost:port/path}). */
    public static BrowserSignIn of(Function<String, URI> url, String username, String password) {
        return new BrowserSignIn(url, username, password);
    }

    /**
     * Signs in on the window and ends on the page the sign-in leads to (home, unless the person was going
     * elsewhere); enrols TOTP first if the account must and has not.
     */
    public BrowserSignIn signIn(Browser.Window window) {
        window.go(url.apply("/signin"));
        window.fill("#username", username).fill("#password", password).click("main form button[type=submit]");
        window.waitFor(driver -> !window.path().equals("/signin"));
        if (window.path().equals("/signin/code")) {
            window.fill("#otp", nextCode()).click("form[action$='/signin/code'] button[type=submit]");
            window.waitFor(driver -> !window.path().startsWith("/signin"));
        }
        if (window.path().equals("/account/mfa") && totpSecret == null) {
            enrolTotp(window);
            window.go(url.apply("/"));
        }
        return this;
    }

    /** Turns on an authenticator app from the account's MFA page, and keeps its key and recovery codes. */
    public BrowserSignIn enrolTotp(Browser.Window window) {
        if (!window.path().equals("/account/mfa")) {
            window.go(url.apply("/account/mfa"));
        }
        window.click("form[action$='/account/mfa/totp'] button[type=submit]");
        totpSecret = window.find("main code").getText().strip();
        window.fill("#otp", nextCode()).click("form[action$='/account/mfa/totp/confirm'] button[type=submit]");
        List<WebElement> codes = window.waitFor(driver -> {
            List<WebElement> shown = window.all("ul.codes code");
            return shown.isEmpty() ? null : shown;
        });
        codes.forEach(code -> recoveryCodes.add(code.getText().strip()));
        return this;
    }

    /** The next TOTP code, waiting for the next 30-second step if this one's code was used already. */
    public String nextCode() {
        if (totpSecret == null) {
            return recoveryCodes.pop();
        }
        long step = OneTimeCodes.stepAt(Instant.now());
        while (step <= lastStep) {
            sleepBriefly();
            step = OneTimeCodes.stepAt(Instant.now());
        }
        lastStep = step;
        return OneTimeCodes.codeAt(totpSecret, step);
    }

    /** An unused recovery code (after {@link #enrolTotp}): signs in at once, without waiting for a step. */
    public String recoveryCode() {
        return recoveryCodes.pop();
    }

    public String totpSecret() {
        return totpSecret;
    }

    public String username() {
        return username;
    }

    private static void sleepBriefly() {
        try {
            Thread.sleep(500);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
