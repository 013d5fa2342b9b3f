package io.selvedge.api;

import io.selvedge.identity.ApiScope;
import io.selvedge.identity.ApiTokens;
import io.selvedge.platform.AnyCaller;
import io.selvedge.platform.Refusal;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import lombok.RequiredArgsConstructor;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code POST /api/v1/auth/tokens}: the one API endpoint that takes a password. Throttled like the sign-in
 * page; a wrong password and an unknown username get the same 401.
 */
@AnyCaller("the username and password (and code) are the credential")
@RestController
@RequiredArgsConstructor
class TokensApi {

    private final ApiTokens tokens;

    @PostMapping("/api/v1/auth/tokens")
    ResponseEntity<CreatedToken> create(@Valid @RequestBody TokenRequest request, HttpServletRequest http) {
        ApiTokens.CreatedToken created = tokens.create(
                new ApiTokens.TokenRequest(
                        request.username(),
                        request.password(),
                        request.otp(),
                        request.name(),
                        request.expiresInDays(),
                        scopesOf(request.scopes())),
                http.getRemoteAddr());
        return ResponseEntity.status(HttpStatus.CREATED)
                .body(new CreatedToken(
                        created.id(),
                        created.name(),
                        created.token(),
                        created.expiresAt(),
                        created.scopes().stream().map(ApiScope::id).sorted().toList()));
    }

    private static Set<ApiScope> scopesOf(List<String> scopes) {
        Set<ApiScope> parsed = EnumSet.noneOf(ApiScope.class);
        if (scopes != null) {
            for (String scope : scopes) {
                try {
                    parsed.add(ApiScope.of(scope));
                } catch (IllegalArgumentException unknown) {
                    throw new Refusal.Invalid(unknown.getMessage());
                }
            }
        }
        return parsed;
    }

    record TokenRequest(
            @NotBlank @Size(max = 256) String username,
            @NotNull @Size(max = 1024) String password,
            @Size(max = 32) String otp,
            @NotBlank @Size(max = 100) String name,
            Integer expiresInDays,
            @Size(max = 3) List<@NotNull @Size(max = 16) String> scopes) {

        @Override
        public String toString() {
            return "TokenRequest[username=" + username + ", name=" + name + "]";
        }
    }

    record CreatedToken(UUID id, String name, String token, Instant expiresAt, List<String> scopes) {

        @Override
        public String toString() {
            return "CreatedToken[id=" + id + ", name=" + name + "]";
        }
    }
}
