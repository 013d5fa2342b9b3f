package io.selvedge.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.selvedge.access.Action;
import io.selvedge.access.Requires;
import io.selvedge.content.FileResponses;
import io.selvedge.content.Renders;
import io.selvedge.content.Version;
import io.selvedge.content.Versions;
import io.selvedge.identity.Callers;
import io.selvedge.platform.Transfers;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
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
 * Versions of a style: upload (the raw request body, streamed through encryption into the blob store),
 * list, download ({@code DOWNLOAD}, its own permission), preview of 3D models ({@code VIEW}) and
 * thumbnails. A version's id is decided as its style.
 */
@RestController
@RequiredArgsConstructor
class VersionsApi {

    private static final String BASE = "/api/v1/";

    private final Versions versions;
    private final Callers callers;
    private final Transfers transfers;
    private final Renders renders;

    @PostMapping(value = BASE + "styles/{id}/versions", consumes = "!application/x-www-form-urlencoded")
    @Requires(value = Action.UPLOAD, target = "id")
    ResponseEntity<VersionResponse> upload(
            @PathVariable UUID id,
            @RequestParam(required = false) @Nullable String filename,
            HttpServletRequest request)
            throws IOException {
        Version version = versions.upload(
                id,
                filename,
                request.getContentType(),
                request.getContentLengthLong(),
                request.getInputStream(),
                caller());
        return ResponseEntity.created(URI.create(BASE + "versions/" + version.id()))
                .body(VersionResponse.of(version));
    }

    @GetMapping(BASE + "styles/{id}/versions")
    @Requires(value = Action.VIEW, target = "id")
    ListResponse list(
            @PathVariable UUID id,
            @RequestParam(defaultValue = ListPages.LIMIT) int limit,
            @RequestParam(required = false) @Nullable String cursor) {
        ListPages.Slice<Version> page = ListPages.page(versions.list(id), v -> v.id().toString(), limit, cursor);
        return new ListResponse(page.items().stream().map(VersionResponse::of).toList(), page.nextCursor());
    }

    @GetMapping(BASE + "versions/{id}")
    @Requires(value = Action.VIEW, target = "id")
    VersionResponse get(@PathVariable UUID id) {
        return VersionResponse.of(versions.get(id));
    }

    @GetMapping(BASE + "versions/{id}/content")
    @Requires(value = Action.DOWNLOAD, target = "id")
    void content(@PathVariable UUID id, HttpServletRequest request, HttpServletResponse response) throws IOException {
        Version version = versions.get(id);
        if (!FileResponses.notModified(request, response, version)) {
            FileResponses.Opening download = range -> versions.download(id, caller(), range);
            FileResponses.serve(transfers, request, response, version, "attachment", download);
        }
    }

    @GetMapping(BASE + "versions/{id}/preview")
    @Requires(value = Action.VIEW, target = "id")
    void preview(@PathVariable UUID id, HttpServletRequest request, HttpServletResponse response) throws IOException {
        Version version = versions.get(id);
        if (!FileResponses.notModified(request, response, version)) {
            FileResponses.serve(
                    transfers, request, response, version, "inline", ranged -> versions.preview(id, caller()));
        }
    }

    @PostMapping(BASE + "versions/{id}/thumbnail")
    @Requires(value = Action.UPLOAD, target = "id")
    ResponseEntity<Void> setThumbnail(@PathVariable UUID id, HttpServletRequest request) throws IOException {
        versions.setThumbnail(id, request.getInputStream(), request.getContentLengthLong(), caller());
        return ResponseEntity.noContent().build();
    }

    /** The version's picture: the uploaded thumbnail, else the one rendered from the model ({@link RendersApi}). */
    @GetMapping(BASE + "versions/{id}/thumbnail")
    @Requires(value = Action.VIEW, target = "id")
    ResponseEntity<byte[]> thumbnail(@PathVariable UUID id, @RequestParam(required = false) @Nullable UUID colorwayId)
            throws IOException {
        Versions.Thumbnail thumbnail = renders.picture(id, colorwayId, caller());
        return ResponseEntity.ok()
                .contentType(MediaType.parseMediaType(thumbnail.contentType()))
                .header(HttpHeaders.CACHE_CONTROL, "private, no-store")
                .header(HttpHeaders.CONTENT_DISPOSITION, "inline")
                .body(thumbnail.bytes());
    }

    private UUID caller() {
        return callers.current().orElseThrow().accountId();
    }

    record VersionResponse(
            UUID id,
            UUID styleId,
            int number,
            String filename,
            String contentType,
            long size,
            String sha256,
            boolean previewable,
            boolean thumbnail,
            UUID createdBy,
            Instant createdAt) {
        static VersionResponse of(Version version) {
            return new VersionResponse(
                    version.id(),
                    version.styleId(),
                    version.number(),
                    version.filename(),
                    version.contentType(),
                    version.size(),
                    version.sha256(),
                    version.previewable(),
                    version.thumbnailType() != null,
                    version.createdBy(),
                    version.createdAt());
        }
    }

    /** One page of a style's versions; the cursor is always written, as null on the last page. */
    record ListResponse(
            List<VersionResponse> items,

            @JsonInclude(JsonInclude.Include.ALWAYS) @Nullable
            String nextCursor) {}
}
