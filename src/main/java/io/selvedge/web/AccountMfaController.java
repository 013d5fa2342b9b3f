package io.selvedge.web;

import io.selvedge.identity.Caller;
import io.selvedge.identity.Callers;
import io.selvedge.identity.MfaStatus;
import io.selvedge.identity.MfaStatuses;
import io.selvedge.identity.OneTimeCodeRejectedException;
import io.selvedge.identity.Passkeys;
import io.selvedge.identity.SessionFactors;
import io.selvedge.identity.SignInThrottledException;
import io.selvedge.identity.StaffProperties;
import io.selvedge.identity.TotpEnrolment;
import io.selvedge.platform.AnyCaller;
import io.selvedge.platform.Refusal;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.security.Principal;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import org.springframework.context.MessageSource;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The account's MFA page: TOTP (a QR code drawn on the server, the recovery codes shown once), passkeys
 * (registered by the browser's WebAuthn ceremony with /js/passkeys.js; renamed and removed here). An account
 * that must use MFA and has not enrolled is sent here by every other page.
 */
@AnyCaller("the signed-in account's own second factors only")
@Controller
class AccountMfaController {

    private static final DateTimeFormatter TIME =
            DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'").withZone(ZoneOffset.UTC);

    private final MfaStatuses statuses;
    private final TotpEnrolment totp;
    private final Passkeys passkeys;
    private final SessionFactors factors;
    private final MessageSource messages;
    private final Callers callers;
    private final boolean staffPasskeyRequired;

    AccountMfaController(
            Callers callers,
            StaffProperties staff,
            MfaStatuses statuses,
            TotpEnrolment totp,
            Passkeys passkeys,
            SessionFactors factors,
            MessageSource messages) {
        this.messages = messages;
        this.callers = callers;
        this.staffPasskeyRequired = staff.passkeyRequired();
        this.factors = factors;
        this.statuses = statuses;
        this.totp = totp;
        this.passkeys = passkeys;
    }

    @GetMapping("/account/mfa")
    String page(Principal user, Locale locale, Model model) {
        MfaStatus status = statusOf(user);
        model.addAttribute("status", status);
        // Staff who must sign in with a passkey and have none reach only this page until they register one.
        model.addAttribute(
                "staffPasskeyRequired",
                staffPasskeyRequired
                        && status.passkeys() == 0
                        && callers.current().map(Caller::staff).orElse(false));
        model.addAttribute(
                "passkeys",
                passkeys.of(status.accountId()).stream()
                        .map(passkey -> new PasskeyRow(
                                passkey.id(),
                                passkey.label(),
                                TIME.format(passkey.createdAt()),
                                passkey.lastUsedAt() == null
                                        ? messages.getMessage("account.mfa.never", null, locale)
                                        : TIME.format(passkey.lastUsedAt())))
                        .toList());
        model.addAttribute(
                "crumbs",
                List.of(
                        new Crumb(messages.getMessage("account.title", null, locale), "/account"),
                        new Crumb(messages.getMessage("account.mfa.title", null, locale), "/account/mfa")));
        return "account-mfa";
    }

    @PostMapping("/account/mfa/totp")
    String startTotp(Principal user, Model model) {
        TotpEnrolment.PendingTotp pending = totp.start(statusOf(user).accountId());
        model.addAttribute("secret", pending.secret());
        model.addAttribute("qr", QrCodes.svgDataUrl(pending.otpauthUri()));
        return "account-mfa-totp";
    }

    @PostMapping("/account/mfa/totp/confirm")
    String confirmTotp(
            Principal user,
            @RequestParam(defaultValue = "") String otp,
            HttpServletRequest request,
            HttpServletResponse response,
            Locale locale,
            Model model) {
        try {
            List<String> codes = totp.confirm(statusOf(user).accountId(), otp.strip(), request.getRemoteAddr());
            factors.passedOneTimeCode(request, response);
            model.addAttribute("recoveryCodes", codes);
            response.setHeader(HttpHeaders.CACHE_CONTROL, "no-store");
            return "account-mfa-recovery";
        } catch (OneTimeCodeRejectedException e) {
            response.setStatus(HttpStatus.BAD_REQUEST.value());
            model.addAttribute("problem", e.getMessage());
        } catch (SignInThrottledException e) {
            throttled(e, response, locale, model);
        } catch (Refusal.Conflict e) { // no enrolment pending, or none to remove
            return "redirect:/account/mfa";
        }
        return "account-mfa-totp";
    }

    @PostMapping("/account/mfa/totp/remove")
    String removeTotp(
            Principal user,
            @RequestParam(defaultValue = "") String otp,
            HttpServletRequest request,
            HttpServletResponse response,
            Locale locale,
            Model model) {
        try {
            totp.remove(statusOf(user).accountId(), otp.strip(), request.getRemoteAddr());
            return "redirect:/account/mfa?totpRemoved";
        } catch (OneTimeCodeRejectedException e) {
            response.setStatus(HttpStatus.FORBIDDEN.value());
            model.addAttribute(
                    "problem", messages.getMessage("account.mfa.removeNeedsCode", null, locale) + " " + e.getMessage());
        } catch (SignInThrottledException e) {
            throttled(e, response, locale, model);
        } catch (Refusal.Conflict e) { // no enrolment pending, or none to remove
            return "redirect:/account/mfa";
        }
        return page(user, locale, model);
    }

    /** Too many wrong codes: 429, with when to try again. */
    private void throttled(SignInThrottledException e, HttpServletResponse response, Locale locale, Model model) {
        response.setStatus(HttpStatus.TOO_MANY_REQUESTS.value());
        response.setHeader(HttpHeaders.RETRY_AFTER, Long.toString(e.retryAfterSeconds()));
        model.addAttribute(
                "problem", messages.getMessage("account.mfa.throttled", new Object[] {e.inWords(locale)}, locale));
    }

    @PostMapping("/account/mfa/passkeys/{id}/rename")
    String rename(Principal user, @PathVariable String id, @RequestParam(defaultValue = "") String label) {
        String trimmed = label.strip();
        if (trimmed.isEmpty() || trimmed.length() > 100) {
            return "redirect:/account/mfa?badLabel";
        }
        passkeys.rename(statusOf(user).accountId(), id, trimmed);
        return "redirect:/account/mfa?renamed";
    }

    @PostMapping("/account/mfa/passkeys/{id}/remove")
    String remove(Principal user, @PathVariable String id) {
        passkeys.remove(statusOf(user).accountId(), id);
        return "redirect:/account/mfa?passkeyRemoved";
    }

    private MfaStatus statusOf(Principal user) {
        return statuses.of(user.getName()).orElseThrow(() -> new IllegalStateException("No account."));
    }

    /** A passkey as the page shows it. */
    record PasskeyRow(String id, String label, String createdAt, String lastUsedAt) {}
}
