package io.selvedge.api;

import io.selvedge.access.Authorization;
import io.selvedge.access.Grants;
import io.selvedge.identity.AccountDirectory;
import io.selvedge.identity.AccountSummary;
import io.selvedge.identity.ApiCaller;
import io.selvedge.identity.ApiScope;
import io.selvedge.identity.ApiTokens;
import io.selvedge.identity.EmailAddresses;
import io.selvedge.identity.EmailChanges;
import io.selvedge.identity.PasswordChanges;
import io.selvedge.identity.WebSessions;
import io.selvedge.platform.AnyCaller;
import io.selvedge.platform.Problems;
import io.selvedge.platform.Refusal;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import lombok.RequiredArgsConstructor;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code /api/v1/me}: the caller (with its e-mail address and display name), its API tokens and its web
 * sessions. Every caller may see its own. The display name changes at once; a new e-mail address only when
 * the link mailed to it is followed.
 */
@AnyCaller("the caller's own account, tokens and sessions only")
@RestController
@RequiredArgsConstructor
class MeApi {

    private final ApiTokens tokens;
    private final WebSessions sessions;
    private final AccountDirectory directory;
    private final EmailChanges emailChanges;
    private final PasswordChanges passwordChanges;
    private final Grants grants;
    private final Authorization authorization;

    @GetMapping("/api/v1/me")
    ResponseEntity<?> me(@AuthenticationPrincipal ApiCaller caller, HttpServletRequest request) {
        return tokens.account(caller.accountId())
                .<ResponseEntity<?>>map(account -> ResponseEntity.ok(Me.of(account, caller, memberships(caller))))
                .orElseGet(() -> Problems.respond(request, HttpStatus.UNAUTHORIZED, "The account is gone."));
    }

    @PatchMapping("/api/v1/me")
    ResponseEntity<?> change(
            @AuthenticationPrincipal ApiCaller caller,
            @Valid @RequestBody MeChange change,
            HttpServletRequest request) {
        try {
            directory.changeDisplayName(caller.accountId(), change.displayName());
        } catch (IllegalArgumentException e) { // a name the account cannot have
            throw new Refusal.Invalid(e.getMessage());
        }
        return me(caller, request);
    }

    /** 202: the link is on its way to the new address (or, if another account has it, a notice is). */
    @PutMapping("/api/v1/me/email")
    ResponseEntity<EmailPending> changeEmail(
            @AuthenticationPrincipal ApiCaller caller,
            @Valid @RequestBody EmailChange change,
            HttpServletRequest request) {
        try {
            emailChanges.request(
                    caller.accountId(), change.email(), change.password(), change.otp(), request.getRemoteAddr());
        } catch (IllegalArgumentException e) { // not an address, or the account's own already
            throw new Refusal.Invalid(e.getMessage());
        }
        return ResponseEntity.status(HttpStatus.ACCEPTED)
                .body(new EmailPending(
                        EmailAddresses.normalise(change.email()),
                        "Follow the link mailed to the new address within an hour; until then the old one stays."));
    }

    /** 204: the new password holds; every web session of the account ended (API tokens stay). */
    @PutMapping("/api/v1/me/password")
    ResponseEntity<Void> changePassword(
            @AuthenticationPrincipal ApiCaller caller,
            @Valid @RequestBody PasswordChange change,
            HttpServletRequest request) {
        try {
            passwordChanges.change(
                    caller.accountId(),
                    change.currentPassword(),
                    change.otp(),
                    change.newPassword(),
                    request.getRemoteAddr());
        } catch (IllegalArgumentException e) { // a new password the policy rejects
            throw new Refusal.Invalid(e.getMessage());
        }
        return ResponseEntity.noContent().build();
    }

    @GetMapping("/api/v1/me/tokens")
    Page<Token> tokens(@AuthenticationPrincipal ApiCaller caller) {
        return new Page<>(tokens.tokensOf(caller.accountId()).stream()
                .map(token -> new Token(
                        token.id(),
                        token.name(),
                        token.scopes().stream().map(ApiScope::id).sorted().toList(),
                        token.createdAt(),
                        token.expiresAt(),
                        token.lastUsedAt(),
                        token.lastUsedFrom(),
                        token.id().equals(caller.tokenId()),
                        token.sso(),
                        token.ssoConnectionId()))
                .toList());
    }

    @DeleteMapping("/api/v1/me/tokens/{id}")
    ResponseEntity<?> revoke(
            @AuthenticationPrincipal ApiCaller caller, @PathVariable UUID id, HttpServletRequest request) {
        return tokens.revoke(caller.accountId(), id)
                ? ResponseEntity.noContent().build()
                : Problems.respond(request, HttpStatus.NOT_FOUND, "You have no such token.");
    }

    @GetMapping("/api/v1/me/sessions")
    Page<WebSessions.WebSession> sessions(@AuthenticationPrincipal ApiCaller caller) {
        return new Page<>(sessions.of(caller.username(), null));
    }

    @DeleteMapping("/api/v1/me/sessions/{id}")
    ResponseEntity<?> endSession(
            @AuthenticationPrincipal ApiCaller caller, @PathVariable String id, HttpServletRequest request) {
        return sessions.end(caller.username(), id)
                ? ResponseEntity.noContent().build()
                : Problems.respond(request, HttpStatus.NOT_FOUND, "You have no such session.");
    }

    @DeleteMapping("/api/v1/me/sessions")
    ResponseEntity<Void> endAllSessions(@AuthenticationPrincipal ApiCaller caller) {
        sessions.endAll(caller.username());
        return ResponseEntity.noContent().build();
    }

    /** The caller's grants and shares (staff hold none): ids, levels and roles, never the tree's names. */
    private List<Membership> memberships(ApiCaller caller) {
        if (caller.staffRole() != null) {
            return List.of();
        }
        return grants.grantsOf(caller.accountId()).stream()
                .map(grant -> new Membership(
                        grant.groupId(),
                        grant.nodeId(),
                        authorization
                                .locate(grant.nodeId())
                                .map(path -> path.level().name())
                                .orElse(null),
                        grant.role().name(),
                        grant.allowDownload(),
                        grant.allowUpload()))
                .toList();
    }

    record Page<T>(List<T> items) {}

    /** {@code PATCH /me}: a null or blank display name removes it. */
    record MeChange(@Size(max = 400) String displayName) {}

    record EmailChange(
            @NotBlank @Size(max = 320) String email,
            @NotNull @Size(max = 1024) String password,
            @Size(max = 32) String otp) {

        @Override
        public String toString() {
            return "EmailChange[(hidden)]";
        }
    }

    record PasswordChange(
            @NotNull @Size(max = 1024) String currentPassword,
            @NotNull @Size(max = 1024) String newPassword,
            @Size(max = 32) String otp) {

        @Override
        public String toString() {
            return "PasswordChange[(hidden)]";
        }
    }

    record EmailPending(String pendingEmail, String detail) {}

    record Membership(
            UUID groupId, UUID nodeId, String level, String role, boolean allowDownload, boolean allowUpload) {}

    record Me(
            UUID id,
            String username,
            String staffRole,
            boolean mfaEnrolled,
            Instant createdAt,
            Instant lastSignInAt,
            String email,
            String displayName,
            TokenInUse token,
            List<Membership> memberships) {

        static Me of(AccountSummary account, ApiCaller caller, List<Membership> memberships) {
            return new Me(
                    account.id(),
                    account.username(),
                    account.staffRole(),
                    account.mfaEnrolled(),
                    account.createdAt(),
                    account.lastSignInAt(),
                    account.email(),
                    account.displayName(),
                    new TokenInUse(
                            caller.tokenId(),
                            caller.scopes().stream().map(ApiScope::id).sorted().toList()),
                    memberships);
        }
    }

    record TokenInUse(UUID id, List<String> scopes) {}

    record Token(
            UUID id,
            String name,
            List<String> scopes,
            Instant createdAt,
            Instant expiresAt,
            Instant lastUsedAt,
            String lastUsedFrom,
            boolean current,
            boolean sso,
            @Nullable UUID connectionId) {}
}
