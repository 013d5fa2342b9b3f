package io.selvedge.api;

import io.selvedge.identity.FirstAdminSetup;
import io.selvedge.identity.Usernames;
import io.selvedge.platform.AnyCaller;
import io.selvedge.platform.Refusal;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import lombok.RequiredArgsConstructor;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code POST /api/v1/setup/admin}: the setup link's job for automation. With the secret of the
 * one-time link, creates the first platform admin (with an optional {@code email}); afterwards the
 * endpoint answers 404.
 */
@AnyCaller("the one-time setup link is the credential")
@RestController
@RequiredArgsConstructor
class SetupApi {

    private final FirstAdminSetup setup;

    @PostMapping("/api/v1/setup/admin")
    ResponseEntity<CreatedAdmin> createFirstAdmin(@Valid @RequestBody FirstAdminRequest request) {
        try {
            setup.createFirstAdmin(request.setupToken(), request.username(), request.password(), request.email());
        } catch (IllegalArgumentException e) { // a username, password or address the account cannot have
            throw new Refusal.Invalid(e.getMessage());
        }
        return ResponseEntity.status(HttpStatus.CREATED)
                .body(new CreatedAdmin(Usernames.normalise(request.username())));
    }

    record FirstAdminRequest(
            @NotBlank @Size(max = 200) String setupToken,
            @NotBlank @Size(max = 64) String username,
            @NotBlank @Size(max = 1024) String password,
            @Size(max = 320) String email) {

        @Override
        public String toString() {
            return "FirstAdminRequest[username=" + username + "]";
        }
    }

    record CreatedAdmin(String username) {}
}
