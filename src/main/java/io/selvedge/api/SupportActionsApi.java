package io.selvedge.api;

import io.selvedge.access.SupportMfaResets;
import io.selvedge.content.StuckUploads;
import io.selvedge.content.StuckUploads.StuckUpload;
import io.selvedge.platform.AnyCaller;
import java.util.List;
import java.util.UUID;
import lombok.RequiredArgsConstructor;
import org.jspecify.annotations.Nullable;
import org.springframework.http.CacheControl;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code /api/v1/groups/{groupId}/support/...}: what platform support does in a group under an access request of
 * scope {@code SUPPORT_ACTIONS} the group's admins approved (Customer Lockbox), on the request's node or below:
 * reset an outside collaborator's MFA, and list and abort stuck uploads. The group's members are refused (403),
 * anyone else finds nothing (404). Each is on the group's trail and the platform's with the access request's id.
 */
@RestController
@RequiredArgsConstructor
class SupportActionsApi {

    static final String PATH = "/api/v1/groups/{groupId}/support";
    private static final String SUPPORT = "platform staff holding an open approved SUPPORT_ACTIONS access request in"
            + " the group, checked by the decision point (Authorization.requireStaffScope); members 403, anyone else 404";

    private final SupportMfaResets resets;
    private final StuckUploads uploads;

    /** Resets the MFA of an outside collaborator holding a role on the request's node or below. */
    @DeleteMapping(PATH + "/collaborators/{userId}/mfa")
    @AnyCaller(SUPPORT)
    ResponseEntity<Void> resetMfa(@PathVariable UUID groupId, @PathVariable UUID userId) {
        resets.reset(groupId, userId);
        return ResponseEntity.noContent().build();
    }

    /** The unfinished uploads on the request's node or below, unchanged longer than the stuck-upload setting. */
    @GetMapping(PATH + "/stuck-uploads")
    @AnyCaller(SUPPORT)
    ResponseEntity<StuckUploadList> stuckUploads(
            @PathVariable UUID groupId,
            @RequestParam(defaultValue = ListPages.LIMIT) int limit,
            @RequestParam(required = false) @Nullable String cursor) {
        ListPages.Slice<StuckUpload> page =
                ListPages.page(uploads.list(groupId), upload -> upload.id().toString(), limit, cursor);
        return ResponseEntity.ok()
                .cacheControl(CacheControl.noStore())
                .body(new StuckUploadList(page.items(), page.nextCursor()));
    }

    /** Aborts a stuck upload as its owner's abort would: its partial data and quota reservation go. */
    @DeleteMapping(PATH + "/stuck-uploads/{uploadId}")
    @AnyCaller(SUPPORT)
    ResponseEntity<Void> abort(@PathVariable UUID groupId, @PathVariable UUID uploadId) {
        uploads.abort(groupId, uploadId);
        return ResponseEntity.noContent().build();
    }

    /** A page of stuck uploads. */
    record StuckUploadList(
            List<StuckUpload> items, @Nullable String nextCursor) {}
}
