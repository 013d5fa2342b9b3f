package io.selvedge.api;

import io.selvedge.identity.PasswordResets;
import io.selvedge.platform.AnyCaller;
import io.selvedge.platform.Refusal;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import lombok.RequiredArgsConstructor;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * Password reset without signing in: {@code POST /api/v1/auth/password-reset} always answers 202, the same
 * whether or not an account matched (429 while throttled); {@code POST /api/v1/auth/password-reset/{token}}
 * with the link's secret sets the new password (410 for a used or expired link).
 */
@RestController
@AnyCaller("the mailed single-use reset link is the credential; the request answers alike for every address")
@RequiredArgsConstructor
class PasswordResetApi {

    static final String ON_ITS_WAY = "If an account matches, a link to reset its password is on its way to the"
            + " account's e-mail address. It works once, for an hour.";

    private final PasswordResets resets;

    @PostMapping("/api/v1/auth/password-reset")
    ResponseEntity<Accepted> request(@Valid @RequestBody ResetRequest body, HttpServletRequest request) {
        resets.request(body.usernameOrEmail(), request.getRemoteAddr());
        return ResponseEntity.status(HttpStatus.ACCEPTED).body(new Accepted(ON_ITS_WAY));
    }

    @PostMapping("/api/v1/auth/password-reset/{token}")
    ResponseEntity<Void> reset(@PathVariable String token, @Valid @RequestBody NewPassword body) {
        try {
            resets.reset(token, body.password());
        } catch (IllegalArgumentException e) { // a new password the policy rejects
            throw new Refusal.Invalid(e.getMessage());
        }
        return ResponseEntity.noContent().build();
    }

    record ResetRequest(@NotBlank @Size(max = 320) String usernameOrEmail) {}

    record NewPassword(@NotNull @Size(max = 1024) String password) {

        @Override
        public String toString() {
            return "NewPassword[(hidden)]";
        }
    }

    record Accepted(String detail) {}
}
