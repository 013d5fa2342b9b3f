package io.selvedge.api;

import io.selvedge.access.Action;
import io.selvedge.access.Requires;
import io.selvedge.platform.Refusal;
import io.selvedge.scim.ScimTokens;
import io.selvedge.scim.ScimTokens.CreatedScimToken;
import io.selvedge.scim.ScimTokens.ScimToken;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import lombok.RequiredArgsConstructor;
import org.jspecify.annotations.Nullable;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * The bearer tokens of a group's SCIM provisioning: {@code POST /api/v1/groups/{id}/scim-tokens {name}} →
 * 201 {@code {id, token}} (the secret shown this once), {@code GET} (never the secrets) and {@code DELETE
 * .../{tokenId}}. SCIM itself is at {@code /scim/v2}. Audited on the group's trail.
 */
@RestController
@RequiredArgsConstructor
class ScimTokensApi {

    private final ScimTokens tokens;

    @PostMapping("/api/v1/groups/{groupId}/scim-tokens")
    @Requires(value = Action.MANAGE_SCIM_TOKENS, target = "groupId")
    ResponseEntity<Created> create(@PathVariable UUID groupId, @Valid @RequestBody NewToken request) {
        CreatedScimToken created;
        try {
            created = tokens.create(groupId, request.name());
        } catch (IllegalArgumentException e) {
            throw new Refusal.Invalid(e.getMessage());
        }
        return ResponseEntity.created(URI.create("/api/v1/groups/" + groupId + "/scim-tokens/" + created.id()))
                .body(new Created(created.id(), created.name(), created.token(), created.createdAt()));
    }

    @GetMapping("/api/v1/groups/{groupId}/scim-tokens")
    @Requires(value = Action.MANAGE_SCIM_TOKENS, target = "groupId")
    TokenList list(@PathVariable UUID groupId) {
        return new TokenList(tokens.tokensOf(groupId), null);
    }

    @DeleteMapping("/api/v1/groups/{groupId}/scim-tokens/{tokenId}")
    @Requires(value = Action.MANAGE_SCIM_TOKENS, target = "groupId")
    ResponseEntity<Void> revoke(@PathVariable UUID groupId, @PathVariable UUID tokenId) {
        if (!tokens.revoke(groupId, tokenId)) {
            throw new Refusal.NotFound("The group has no such SCIM token.");
        }
        return ResponseEntity.noContent().build();
    }

    record NewToken(
            @NotBlank @Size(max = ScimTokens.MAX_NAME) String name) {}

    /** The new token; {@code token} is its secret, shown only in this answer. */
    record Created(UUID id, String name, String token, Instant createdAt) {

        @Override
        public String toString() {
            return "Created[id=" + id + "]";
        }
    }

    record TokenList(List<ScimToken> items, @Nullable String nextCursor) {}
}
