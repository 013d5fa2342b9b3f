package io.selvedge.api;

import io.selvedge.identity.ApiCaller;
import io.selvedge.identity.OneTimeCodeRejectedException;
import io.selvedge.identity.Passkeys;
import io.selvedge.identity.SignInThrottledException;
import io.selvedge.identity.TooManyAttemptsException;
import io.selvedge.identity.TotpEnrolment;
import io.selvedge.platform.AnyCaller;
import io.selvedge.platform.Problems;
import io.selvedge.platform.Refusal;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.util.List;
import lombok.RequiredArgsConstructor;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code /api/v1/me/mfa/totp}: start, confirm and remove the caller's TOTP. A wrong code on confirmation
 * answers 400, on removal 403 (removal needs a fresh code); failed codes are throttled like sign-ins.
 */
@AnyCaller("the caller's own MFA enrolment only")
@RestController
@RequiredArgsConstructor
class MfaApi {

    private final TotpEnrolment totp;
    private final Passkeys passkeys;

    /** The caller's passkeys (registering one is a browser ceremony, on the web account page). */
    @GetMapping("/api/v1/me/passkeys")
    Page<Passkeys.Passkey> passkeys(@AuthenticationPrincipal ApiCaller caller) {
        return new Page<>(passkeys.of(caller.accountId()));
    }

    @DeleteMapping("/api/v1/me/passkeys/{id}")
    ResponseEntity<?> removePasskey(
            @AuthenticationPrincipal ApiCaller caller, @PathVariable String id, HttpServletRequest request) {
        return passkeys.remove(caller.accountId(), id)
                ? ResponseEntity.noContent().build()
                : Problems.respond(request, HttpStatus.NOT_FOUND, "You have no such passkey.");
    }

    @PostMapping("/api/v1/me/mfa/totp")
    TotpEnrolment.PendingTotp start(@AuthenticationPrincipal ApiCaller caller) {
        return totp.start(caller.accountId());
    }

    @PostMapping("/api/v1/me/mfa/totp/confirm")
    Confirmed confirm(
            @AuthenticationPrincipal ApiCaller caller, @Valid @RequestBody Code body, HttpServletRequest request) {
        try {
            return new Confirmed(totp.confirm(caller.accountId(), body.otp(), request.getRemoteAddr()));
        } catch (OneTimeCodeRejectedException e) {
            throw new Refusal.Invalid(e.getMessage());
        } catch (SignInThrottledException e) {
            throw e.as(TooManyAttemptsException.Attempts.CODES);
        }
    }

    @DeleteMapping("/api/v1/me/mfa/totp")
    ResponseEntity<?> remove(
            @AuthenticationPrincipal ApiCaller caller, @Valid @RequestBody Code body, HttpServletRequest request) {
        try {
            totp.remove(caller.accountId(), body.otp(), request.getRemoteAddr());
        } catch (OneTimeCodeRejectedException e) {
            throw new Refusal.Forbidden("Removing TOTP needs a fresh code. " + e.getMessage());
        } catch (SignInThrottledException e) {
            throw e.as(TooManyAttemptsException.Attempts.CODES);
        }
        return ResponseEntity.noContent().build();
    }

    record Page<T>(List<T> items, String nextCursor) {

        Page(List<T> items) {
            this(items, null);
        }
    }

    record Code(@NotBlank @Size(max = 32) String otp) {

        @Override
        public String toString() {
            return "Code[(hidden)]";
        }
    }

    record Confirmed(List<String> recoveryCodes) {

        @Override
        public String toString() {
            return "Confirmed[(hidden)]";
        }
    }
}
