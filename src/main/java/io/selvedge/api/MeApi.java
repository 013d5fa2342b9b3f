package io.selvedge.api;

import io.selvedge.access.Authorization;
import io.selvedge.access.Grants;
import io.selvedge.identity.AccountSummary;
import io.selvedge.identity.ApiCaller;
import io.selvedge.identity.ApiScope;
import io.selvedge.identity.ApiTokens;
import io.selvedge.identity.WebSessions;
import io.selvedge.platform.AnyCaller;
import io.selvedge.platform.Problems;
import jakarta.servlet.http.HttpServletRequest;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/** {@code /api/v1/me}: the caller, its API tokens and its web sessions. Every caller may see its own. */
@AnyCaller("the caller's own account, tokens and sessions only")
@RestController
class MeApi {

    private final ApiTokens tokens;
    private final WebSessions sessions;
    private final Grants grants;
    private final Authorization authorization;

    MeApi(ApiTokens tokens, WebSessions sessions, Grants grants, Authorization authorization) {
        this.tokens = tokens;
        this.sessions = sessions;
        this.grants = grants;
        this.authorization = authorization;
    }

    @GetMapping("/api/v1/me")
    ResponseEntity<?> me(@AuthenticationPrincipal ApiCaller caller, HttpServletRequest request) {
        return tokens.account(caller.accountId())
                .<ResponseEntity<?>>map(account -> ResponseEntity.ok(Me.of(account, caller, memberships(caller))))
                .orElseGet(() -> Problems.respond(request, HttpStatus.UNAUTHORIZED, "The account is gone."));
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
                        token.id().equals(caller.tokenId())))
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

    record Membership(
            UUID groupId, UUID nodeId, String level, String role, boolean allowDownload, boolean allowUpload) {}

    record Me(
            UUID id,
            String username,
            String staffRole,
            boolean mfaEnrolled,
            Instant createdAt,
            Instant lastSignInAt,
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
            boolean current) {}
}
