package io.selvedge.web.account;

import io.selvedge.collab.NotificationKind;
import io.selvedge.collab.Notifications;
import io.selvedge.identity.AccountDirectory;
import io.selvedge.identity.AccountLanguages;
import io.selvedge.identity.AccountSummary;
import io.selvedge.identity.ApiScope;
import io.selvedge.identity.ApiTokens;
import io.selvedge.identity.IdentityProperties;
import io.selvedge.identity.MfaStatus;
import io.selvedge.identity.MfaStatuses;
import io.selvedge.identity.PasswordConfirmationFailedException;
import io.selvedge.identity.SignInFailedException;
import io.selvedge.identity.TooManyAttemptsException;
import io.selvedge.identity.WebSessions;
import io.selvedge.web.Crumb;
import io.selvedge.web.Refusals;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.security.Principal;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.ui.Model;

/** Fills the account page's model: every section reads its own part of the signed-in account. */
@Component
class AccountPage {

    static final String VIEW = "account";

    private static final DateTimeFormatter TIME =
            DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'").withZone(ZoneOffset.UTC);
    private static final List<Integer> LIFETIMES_IN_DAYS = List.of(7, 30, 90, 365);

    private final AccountDirectory directory;
    private final MfaStatuses mfa;
    private final ApiTokens tokens;
    private final WebSessions sessions;
    private final Notifications notifications;
    private final AccountLanguages languages;
    private final MessageSource messages;
    private final long longestTokenLifetimeInDays;

    AccountPage(
            AccountDirectory directory,
            MfaStatuses mfa,
            ApiTokens tokens,
            WebSessions sessions,
            Notifications notifications,
            AccountLanguages languages,
            MessageSource messages,
            IdentityProperties identity) {
        this.directory = directory;
        this.mfa = mfa;
        this.tokens = tokens;
        this.sessions = sessions;
        this.notifications = notifications;
        this.languages = languages;
        this.messages = messages;
        this.longestTokenLifetimeInDays = identity.tokens().longestLifetime().toDays();
    }

    /** The signed-in person's account; every account page acts on it and on nothing else. */
    SignedIn signedIn(Principal user) {
        MfaStatus status = mfa.of(user.getName()).orElseThrow(() -> new IllegalStateException("No account."));
        AccountSummary account =
                directory.account(status.accountId()).orElseThrow(() -> new IllegalStateException("No account."));
        return new SignedIn(account, status);
    }

    String show(Principal user, HttpServletRequest request, Model model) {
        SignedIn me = signedIn(user);
        model.addAttribute("crumbs", List.of(new Crumb(text("account.title"), "/account")));
        model.addAttribute("account", me.account());
        model.addAttribute("mfa", me.mfa());
        model.addAttribute("tokens", tokenRows(me));
        model.addAttribute("signInWithoutPasswordSession", tokens.signedInRecentlyWithoutPassword(request));
        model.addAttribute(
                "scopes", Stream.of(ApiScope.values()).map(ApiScope::id).toList());
        model.addAttribute(
                "lifetimes",
                LIFETIMES_IN_DAYS.stream()
                        .filter(days -> days <= longestTokenLifetimeInDays)
                        .toList());
        HttpSession session = request.getSession(false);
        model.addAttribute(
                "otherSessions",
                sessions.of(user.getName(), session == null ? null : session.getId()).stream()
                        .filter(row -> !row.current())
                        .count());
        Map<NotificationKind, Boolean> email =
                notifications.emailSettings(me.account().id());
        model.addAttribute(
                "notificationKinds",
                Stream.of(NotificationKind.values())
                        .map(kind -> new KindRow(kind.name(), Boolean.TRUE.equals(email.get(kind))))
                        .toList());
        model.addAttribute(
                "language",
                languages
                        .languageOf(me.account().id())
                        .map(locale -> locale.toLanguageTag())
                        .orElse(""));
        return VIEW;
    }

    String text(String key, Object... arguments) {
        return messages.getMessage(key, arguments, LocaleContextHolder.getLocale());
    }

    /** The page again with the section's problem; 400 unless the caller set another status. */
    String refuse(
            Section section,
            String problem,
            Principal user,
            HttpServletRequest request,
            HttpServletResponse response,
            Model model) {
        if (response.getStatus() < 400) {
            response.setStatus(HttpStatus.BAD_REQUEST.value());
        }
        model.addAttribute("problem", new SectionProblem(section.id(), problem));
        return show(user, request, model);
    }

    /** What the person reads for a refusal of the identity module (whose own words are English). */
    String problem(RuntimeException e, HttpServletResponse response, Locale locale) {
        if (e instanceof TooManyAttemptsException throttled) {
            response.setStatus(HttpStatus.TOO_MANY_REQUESTS.value());
            response.setHeader(HttpHeaders.RETRY_AFTER, Long.toString(throttled.retryAfterSeconds()));
            return text("account.problem.throttled", throttled.inWords(locale));
        }
        if (e instanceof SignInFailedException || e instanceof PasswordConfirmationFailedException) {
            response.setStatus(HttpStatus.FORBIDDEN.value());
            return text("account.problem.wrongPassword");
        }
        response.setStatus(HttpStatus.BAD_REQUEST.value());
        return Refusals.inWords(e, messages, locale);
    }

    private List<TokenRow> tokenRows(SignedIn me) {
        return tokens.tokensOf(me.account().id()).stream()
                .map(token -> new TokenRow(
                        token.id().toString(),
                        token.name(),
                        String.join(
                                ", ",
                                token.scopes().stream()
                                        .map(ApiScope::id)
                                        .sorted()
                                        .toList()),
                        format(token.expiresAt()),
                        format(token.lastUsedAt())))
                .toList();
    }

    private static String format(Instant instant) {
        return instant == null ? null : TIME.format(instant);
    }

    /** The account and its MFA standing, as the forms need them. */
    record SignedIn(AccountSummary account, MfaStatus mfa) {}

    /** A token as the page lists it: never its secret, which only the creation shows. */
    record TokenRow(String id, String name, String scopes, String expiresAt, String lastUsedAt) {}

    /** A kind of notification and whether it also comes by e-mail. */
    record KindRow(String kind, boolean byEmail) {}

    /** The page's sections that have forms. */
    enum Section {
        PROFILE,
        EMAIL,
        PASSWORD,
        TOKENS,
        NOTIFICATIONS,
        LANGUAGE;

        String id() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    /** A refusal, shown in the section whose form caused it. */
    record SectionProblem(String section, String text) {}
}
