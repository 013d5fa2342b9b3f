package io.selvedge.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.selvedge.access.Action;
import io.selvedge.access.Requires;
import io.selvedge.content.Render;
import io.selvedge.content.Renders;
import io.selvedge.identity.Callers;
import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import lombok.RequiredArgsConstructor;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Renders of a 3D version made in a viewer's browser: sent as one turntable image (its frames side by
 * side, the first becoming the thumbnail), listed, and the turntable served. Whoever may view the version
 * may send the first render of a colorway and see them; the thumbnail is served at
 * {@code /versions/{id}/thumbnail} ({@link VersionsApi}), where an uploaded image wins.
 */
@RestController
@RequiredArgsConstructor
class RendersApi {

    private static final String BASE = "/api/v1/versions/{id}/";

    private final Renders renders;
    private final Callers callers;

    @PostMapping(BASE + "renders")
    @Requires(value = Action.VIEW, target = "id")
    ResponseEntity<RenderResponse> store(
            @PathVariable UUID id,
            @RequestParam int frames,
            @RequestParam(required = false) @Nullable UUID colorwayId,
            HttpServletRequest request)
            throws IOException {
        Render render = renders.store(
                id, colorwayId, frames, request.getInputStream(), request.getContentLengthLong(), caller());
        return ResponseEntity.created(URI.create(turntableOf(render))).body(RenderResponse.of(render));
    }

    @GetMapping(BASE + "renders")
    @Requires(value = Action.VIEW, target = "id")
    ListResponse list(
            @PathVariable UUID id,
            @RequestParam(defaultValue = ListPages.LIMIT) int limit,
            @RequestParam(required = false) @Nullable String cursor) {
        ListPages.Slice<Render> page = ListPages.page(renders.list(id), RendersApi::keyOf, limit, cursor);
        return new ListResponse(page.items().stream().map(RenderResponse::of).toList(), page.nextCursor());
    }

    @GetMapping(BASE + "turntable")
    @Requires(value = Action.VIEW, target = "id")
    ResponseEntity<byte[]> turntable(@PathVariable UUID id, @RequestParam(required = false) @Nullable UUID colorwayId)
            throws IOException {
        Renders.Turntable turntable = renders.turntable(id, colorwayId, caller());
        return ResponseEntity.ok()
                .contentType(MediaType.parseMediaType(turntable.contentType()))
                .header(HttpHeaders.CACHE_CONTROL, "private, no-store")
                .header(HttpHeaders.CONTENT_DISPOSITION, "inline")
                .header("Selvedge-Frames", Integer.toString(turntable.render().frames()))
                .body(turntable.bytes());
    }

    private UUID caller() {
        return callers.current().orElseThrow().accountId();
    }

    /** A render's place in the list: its colorway, or the version for its own look. */
    private static String keyOf(Render render) {
        return render.colorwayId() == null
                ? render.versionId().toString()
                : render.colorwayId().toString();
    }

    private static String turntableOf(Render render) {
        return "/api/v1/versions/" + render.versionId() + "/turntable"
                + (render.colorwayId() == null ? "" : "?colorwayId=" + render.colorwayId());
    }

    record RenderResponse(
            UUID versionId,

            @JsonInclude(JsonInclude.Include.ALWAYS) @Nullable
            UUID colorwayId,

            int frames,
            int frameWidth,
            int frameHeight,
            String turntable,
            UUID renderedBy,
            Instant renderedAt) {
        static RenderResponse of(Render render) {
            return new RenderResponse(
                    render.versionId(),
                    render.colorwayId(),
                    render.frames(),
                    render.frameWidth(),
                    render.frameHeight(),
                    turntableOf(render),
                    render.renderedBy(),
                    render.renderedAt());
        }
    }

    /** One page of a version's renders; the cursor is always written, as null on the last page. */
    record ListResponse(
            List<RenderResponse> items,

            @JsonInclude(JsonInclude.Include.ALWAYS) @Nullable
            String nextCursor) {}
}
