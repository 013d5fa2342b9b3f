package io.selvedge.api;

import io.selvedge.access.Action;
import io.selvedge.access.Requires;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code POST}, {@code GET /api/v1/workrooms/{id}/shares} and {@code DELETE .../shares/{userId}}: who may
 * share the workroom (editors and up) shares it, lists its shares and removes them.
 */
@RestController
class WorkroomSharesApi {

    private final ShareEndpoints shares;

    WorkroomSharesApi(ShareEndpoints shares) {
        this.shares = shares;
    }

    @PostMapping("/api/v1/workrooms/{id}/shares")
    @Requires(value = Action.SHARE, target = "id")
    ResponseEntity<?> share(@PathVariable UUID id, @RequestBody ShareEndpoints.ShareRequest request) {
        return shares.create("workrooms", id, request);
    }

    @GetMapping("/api/v1/workrooms/{id}/shares")
    @Requires(value = Action.SHARE, target = "id")
    ShareEndpoints.ShareList list(
            @PathVariable UUID id,
            @RequestParam(defaultValue = ListPages.LIMIT) int limit,
            @RequestParam(required = false) @Nullable String cursor) {
        return shares.list(id, limit, cursor);
    }

    @DeleteMapping("/api/v1/workrooms/{id}/shares/{userId}")
    @Requires(value = Action.SHARE, target = "id")
    ResponseEntity<Void> unshare(@PathVariable UUID id, @PathVariable UUID userId) {
        return shares.remove(id, userId);
    }
}
