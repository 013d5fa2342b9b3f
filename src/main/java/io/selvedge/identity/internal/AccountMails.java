package io.selvedge.identity.internal;

import io.selvedge.notify.OutgoingMail;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import org.springframework.web.util.HtmlUtils;

/**
 * Every e-mail the identity module sends, in plain text and HTML, in this one place. No mail holds a
 * secret except the link that is its purpose (a reset or confirmation link); notices carry names and
 * times only. Values are HTML-escaped in the HTML part.
 */
final class AccountMails {

    private static final DateTimeFormatter TIME =
            DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'").withZone(ZoneOffset.UTC);

    private AccountMails() {}

    static OutgoingMail passwordResetLink(String to, String username, String link) {
        return mail(
                to,
                "Reset your Selvedge password",
                List.of(
                        "Someone, hopefully you, asked to reset the password of the Selvedge account " + username + ".",
                        "To choose a new password, open this link within an hour. It works once:"),
                link,
                List.of("If you did not ask for this, ignore this e-mail: your password stays as it is."));
    }

    static OutgoingMail passwordManagedElsewhere(String to, String username, String where, String signInPage) {
        return mail(
                to,
                "Your Selvedge sign-in is your organisation's",
                List.of(
                        "Someone, hopefully you, asked to reset the password of the Selvedge account " + username + ".",
                        where,
                        "Sign in at:"),
                signInPage,
                List.of("If you did not ask for this, ignore this e-mail: nothing was changed."));
    }

    static OutgoingMail passwordResetNotice(
            String to, String username, Instant at, List<String> tokenNames, String forgotPasswordPage) {
        String tokens = tokenNames.isEmpty()
                ? "The account has no API tokens."
                : "Its API tokens still work, as a reset does not revoke them: " + String.join(", ", tokenNames)
                        + ". Revoke any you do not recognise (DELETE /api/v1/me/tokens/{id}).";
        return notice(
                to,
                "Your Selvedge password was reset",
                "The password of your Selvedge account " + username + " was reset at " + TIME.format(at)
                        + ", and every web session of the account was signed out.",
                tokens,
                "If this was not you, reset the password again at " + forgotPasswordPage
                        + " and tell your administrator.");
    }

    static OutgoingMail passwordChanged(String to, String username, Instant at) {
        return notice(
                to,
                "Your Selvedge password was changed",
                "The password of your Selvedge account " + username + " was changed at " + TIME.format(at)
                        + ", and every web session of the account was signed out.",
                "If this was not you, reset the password with \"Forgot your password?\" on the sign-in"
                        + " page, and tell your administrator.");
    }

    static OutgoingMail emailChangeLink(String to, String username, String link) {
        return mail(
                to,
                "Confirm your new e-mail address for Selvedge",
                List.of(
                        "The Selvedge account " + username + " asked to use this address from now on.",
                        "To confirm it, open this link within an hour. It works once:"),
                link,
                List.of("If you did not ask for this, ignore this e-mail: nothing changes."));
    }

    static OutgoingMail emailAlreadyInUse(String to) {
        return notice(
                to,
                "Your e-mail address and Selvedge",
                "Someone asked to use this address for a Selvedge account, but it belongs to an account"
                        + " already, so nothing changed.",
                "If you have forgotten that account's password, use \"Forgot your password?\" on the"
                        + " sign-in page.");
    }

    static OutgoingMail emailChangedNotice(String to, String username, String newEmail, Instant at) {
        return notice(
                to,
                "Your Selvedge e-mail address was changed",
                "At " + TIME.format(at) + " the Selvedge account " + username + " changed its e-mail"
                        + " address from this one to " + masked(newEmail) + ".",
                "If this was not you, tell your administrator at once.");
    }

    static OutgoingMail totpRemoved(String to, String username, Instant at) {
        return notice(
                to,
                "Two-step sign-in was turned off on your Selvedge account",
                "At " + TIME.format(at) + " the authenticator app (TOTP) and the recovery codes of the"
                        + " Selvedge account " + username + " were removed.",
                "If this was not you, reset your password and tell your administrator.");
    }

    static OutgoingMail tokenCreated(String to, String username, String tokenName, Instant at, Instant expiresAt) {
        return notice(
                to,
                "A new API token for your Selvedge account",
                "At " + TIME.format(at) + " an API token named \"" + tokenName + "\" was made for the"
                        + " Selvedge account " + username + "; it expires " + TIME.format(expiresAt) + ".",
                "If this was not you, revoke it (DELETE /api/v1/me/tokens/{id}), reset your password and"
                        + " tell your administrator.");
    }

    /** {@code a…@example.org}: enough for the owner to recognise, little for anyone reading over a shoulder. */
    static String masked(String email) {
        int at = email.indexOf('@');
        return at < 1 ? "…" : email.charAt(0) + "…" + email.substring(at);
    }

    /** A mail that only tells: its paragraphs, no link. */
    private static OutgoingMail notice(String to, String subject, String... paragraphs) {
        return mail(to, subject, List.of(paragraphs), null, List.of());
    }

    private static OutgoingMail mail(String to, String subject, List<String> before, String link, List<String> after) {
        StringBuilder text = new StringBuilder("Hello,\n\n");
        StringBuilder html = new StringBuilder("<!DOCTYPE html><html><body>\n<p>Hello,</p>\n");
        for (String paragraph : before) {
            text.append(paragraph).append("\n\n");
            html.append("<p>").append(HtmlUtils.htmlEscape(paragraph)).append("</p>\n");
        }
        if (link != null) {
            text.append(link).append("\n\n");
            String escaped = HtmlUtils.htmlEscape(link);
            html.append("<p><a href=\"")
                    .append(escaped)
                    .append("\">")
                    .append(escaped)
                    .append("</a></p>\n");
        }
        for (String paragraph : after) {
            text.append(paragraph).append("\n\n");
            html.append("<p>").append(HtmlUtils.htmlEscape(paragraph)).append("</p>\n");
        }
        text.append("-- \nSelvedge\n");
        html.append("<p>Selvedge</p>\n</body></html>\n");
        return new OutgoingMail(to, subject, text.toString(), html.toString());
    }
}
