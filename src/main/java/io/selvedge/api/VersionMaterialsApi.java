package io.selvedge.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.selvedge.access.Action;
import io.selvedge.access.Requires;
import io.selvedge.content.VersionMaterial;
import io.selvedge.content.VersionMaterials;
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
 * The material files (.mtl, one per colourway) of an OBJ version: added as the raw request body, as a
 * version is uploaded ({@code UPLOAD}), listed and read for the viewer ({@code VIEW}). Decided as the
 * version's style.
 */
@RestController
@RequiredArgsConstructor
class VersionMaterialsApi {

    private static final String MATERIALS = "/api/v1/versions/{id}/materials";

    private final VersionMaterials materials;
    private final Callers callers;

    @PostMapping(value = MATERIALS, consumes = "!application/x-www-form-urlencoded")
    @Requires(value = Action.UPLOAD, target = "id")
    ResponseEntity<MaterialResponse> add(
            @PathVariable UUID id,
            @RequestParam(required = false) @Nullable String filename,
            HttpServletRequest request)
            throws IOException {
        VersionMaterial material = materials.add(
                id,
                filename,
                request.getInputStream(),
                request.getContentLengthLong(),
                callers.current().orElseThrow().accountId());
        return ResponseEntity.created(URI.create("/api/v1/versions/" + id + "/materials/" + material.id()))
                .body(MaterialResponse.of(material));
    }

    @GetMapping(MATERIALS)
    @Requires(value = Action.VIEW, target = "id")
    MaterialPage list(
            @PathVariable UUID id,
            @RequestParam(defaultValue = ListPages.LIMIT) int limit,
            @RequestParam(required = false) @Nullable String cursor) {
        ListPages.Slice<VersionMaterial> page =
                ListPages.page(materials.list(id), material -> material.id().toString(), limit, cursor);
        return new MaterialPage(page.items().stream().map(MaterialResponse::of).toList(), page.nextCursor());
    }

    /** The file's text, for the viewer's material loader; never cached, never sniffed as anything else. */
    @GetMapping(MATERIALS + "/{materialId}")
    @Requires(value = Action.VIEW, target = "id")
    ResponseEntity<String> content(@PathVariable UUID id, @PathVariable UUID materialId) {
        return ResponseEntity.ok()
                .contentType(new MediaType("text", "plain", java.nio.charset.StandardCharsets.UTF_8))
                .header(HttpHeaders.CACHE_CONTROL, "private, no-store")
                .header(HttpHeaders.CONTENT_DISPOSITION, "inline")
                .body(materials.content(id, materialId));
    }

    record MaterialResponse(
            UUID id,
            UUID versionId,
            String filename,
            @Nullable UUID colorwayId,
            long size,
            UUID createdBy,
            Instant createdAt) {
        static MaterialResponse of(VersionMaterial material) {
            return new MaterialResponse(
                    material.id(),
                    material.versionId(),
                    material.filename(),
                    material.colorwayId(),
                    material.size(),
                    material.createdBy(),
                    material.createdAt());
        }
    }

    record MaterialPage(
            List<MaterialResponse> items,

            @JsonInclude(JsonInclude.Include.ALWAYS) @Nullable
            String nextCursor) {}
}
