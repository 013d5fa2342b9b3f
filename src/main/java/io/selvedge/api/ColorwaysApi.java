package io.selvedge.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.selvedge.access.Action;
import io.selvedge.access.Requires;
import io.selvedge.collab.Approval;
import io.selvedge.collab.Approvals;
import io.selvedge.content.Colorway;
import io.selvedge.content.Colorways;
import io.selvedge.content.InvalidContentException;
import io.selvedge.content.StyleStatus;
import io.selvedge.identity.Callers;
import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import lombok.RequiredArgsConstructor;
import org.jspecify.annotations.Nullable;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * A style's colorways: list, create, rename or recolour, delete, and each colorway's approval. They are
 * decided as the rest of the style: viewing as {@code VIEW}, changes as {@code EDIT_STYLE}, approvals as
 * {@code APPROVE}, all on the style.
 */
@RestController
@RequiredArgsConstructor
class ColorwaysApi {

    private static final String COLORWAYS = "/api/v1/styles/{id}/colorways";
    private static final String COLORWAY = COLORWAYS + "/{colorwayId}";

    private final Colorways colorways;
    private final Approvals approvals;
    private final Callers callers;

    @GetMapping(COLORWAYS)
    @Requires(value = Action.VIEW, target = "id")
    ColorwayPage list(
            @PathVariable UUID id,
            @RequestParam(defaultValue = ListPages.LIMIT) int limit,
            @RequestParam(required = false) @Nullable String cursor) {
        ListPages.Slice<Colorway> page =
                ListPages.page(colorways.list(id), colorway -> colorway.id().toString(), limit, cursor);
        return new ColorwayPage(page.items().stream().map(ColorwayResponse::of).toList(), page.nextCursor());
    }

    @PostMapping(COLORWAYS)
    @Requires(value = Action.EDIT_STYLE, target = "id")
    ResponseEntity<ColorwayResponse> create(@PathVariable UUID id, @RequestBody NewColorway request) {
        Colorway colorway = colorways.create(id, request.name(), request.swatch(), request.imageVersionId(), caller());
        return ResponseEntity.created(URI.create("/api/v1/styles/" + id + "/colorways/" + colorway.id()))
                .body(ColorwayResponse.of(colorway));
    }

    @GetMapping(COLORWAY)
    @Requires(value = Action.VIEW, target = "id")
    ColorwayResponse get(@PathVariable UUID id, @PathVariable UUID colorwayId) {
        return ColorwayResponse.of(colorways.get(id, colorwayId));
    }

    @PatchMapping(COLORWAY)
    @Requires(value = Action.EDIT_STYLE, target = "id")
    ColorwayResponse change(@PathVariable UUID id, @PathVariable UUID colorwayId, @RequestBody ColorwayPatch patch) {
        boolean removeImage = Boolean.TRUE.equals(patch.removeImage());
        if (removeImage && patch.imageVersionId() != null) {
            throw new InvalidContentException("Give an imageVersionId or removeImage, not both.");
        }
        return ColorwayResponse.of(colorways.change(
                id,
                colorwayId,
                new Colorways.ColorwayChange(patch.name(), patch.swatch(), patch.imageVersionId(), removeImage),
                caller()));
    }

    @DeleteMapping(COLORWAY)
    @Requires(value = Action.EDIT_STYLE, target = "id")
    ResponseEntity<Void> delete(@PathVariable UUID id, @PathVariable UUID colorwayId) {
        colorways.delete(id, colorwayId, caller());
        return ResponseEntity.noContent().build();
    }

    @PostMapping(COLORWAY + "/approval")
    @Requires(value = Action.APPROVE, target = "id")
    ResponseEntity<ColorwayApprovalResponse> approve(
            @PathVariable UUID id, @PathVariable UUID colorwayId, @RequestBody NewColorwayApproval request) {
        Approval approval = approvals.recordForColorway(
                id, colorwayId, StyleStatus.named(request.status()), request.note(), caller());
        return ResponseEntity.status(201).body(ColorwayApprovalResponse.of(approval));
    }

    @GetMapping(COLORWAY + "/approvals")
    @Requires(value = Action.VIEW, target = "id")
    List<ColorwayApprovalResponse> approvals(@PathVariable UUID id, @PathVariable UUID colorwayId) {
        return approvals.colorwayHistory(id, colorwayId).stream()
                .map(ColorwayApprovalResponse::of)
                .toList();
    }

    private UUID caller() {
        return callers.current().orElseThrow().accountId();
    }

    record NewColorway(
            @Nullable String name,
            @Nullable String swatch,
            @Nullable UUID imageVersionId) {}

    record ColorwayPatch(
            @Nullable String name,
            @Nullable String swatch,
            @Nullable UUID imageVersionId,
            @Nullable Boolean removeImage) {}

    record ColorwayResponse(
            UUID id,
            UUID styleId,
            String name,
            String swatch,
            @Nullable UUID imageVersionId,
            String status,
            @Nullable UUID statusBy,
            @Nullable Instant statusAt,
            UUID createdBy,
            Instant createdAt) {
        static ColorwayResponse of(Colorway colorway) {
            return new ColorwayResponse(
                    colorway.id(),
                    colorway.styleId(),
                    colorway.name(),
                    colorway.swatch(),
                    colorway.imageVersionId(),
                    colorway.status().name(),
                    colorway.statusBy(),
                    colorway.statusAt(),
                    colorway.createdBy(),
                    colorway.createdAt());
        }
    }

    record ColorwayPage(
            List<ColorwayResponse> items,

            @JsonInclude(JsonInclude.Include.ALWAYS) @Nullable
            String nextCursor) {}

    record NewColorwayApproval(
            @Nullable String status, @Nullable String note) {}

    record ColorwayApprovalResponse(
            UUID id, UUID styleId, UUID colorwayId, String status, String note, UUID actorId, Instant createdAt) {
        static ColorwayApprovalResponse of(Approval approval) {
            return new ColorwayApprovalResponse(
                    approval.id(),
                    approval.styleId(),
                    approval.colorwayId(),
                    approval.status().name(),
                    approval.note(),
                    approval.actorId(),
                    approval.createdAt());
        }
    }
}
