package io.selvedge.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.selvedge.access.Action;
import io.selvedge.access.Authorization;
import io.selvedge.access.Level;
import io.selvedge.access.Requires;
import io.selvedge.content.InvalidContentException;
import io.selvedge.content.Style;
import io.selvedge.content.StyleChange;
import io.selvedge.content.StyleQuery;
import io.selvedge.content.StyleStatus;
import io.selvedge.content.Styles;
import io.selvedge.identity.Callers;
import io.selvedge.platform.AnyCaller;
import io.selvedge.tenancy.Page;
import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import lombok.RequiredArgsConstructor;
import org.jspecify.annotations.Nullable;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Styles in workrooms: create and list below a workroom, read, change (details, status, workroom),
 * delete and restore, and each caller's favourites. Each handler states its action; a PATCH that
 * changes the status also needs {@code APPROVE}, one that moves the style {@code MOVE_OR_DELETE_STYLE}
 * on it and {@code UPLOAD} on the new workroom.
 */
@RestController
@RequiredArgsConstructor
class StylesApi {

    private static final String BASE = "/api/v1/";

    private final Styles styles;
    private final Authorization authorization;
    private final Callers callers;

    @PostMapping(BASE + "workrooms/{workroomId}/styles")
    @Requires(value = Action.UPLOAD, target = "workroomId")
    ResponseEntity<StyleResponse> create(@PathVariable UUID workroomId, @RequestBody NewStyle request) {
        Style style = styles.create(workroomId, request.name(), request.description(), request.tags(), caller());
        return ResponseEntity.created(URI.create(BASE + "styles/" + style.id())).body(StyleResponse.of(style));
    }

    @GetMapping(BASE + "workrooms/{workroomId}/styles")
    @Requires(value = Action.VIEW, target = "workroomId")
    PageResponse list(
            @PathVariable UUID workroomId,
            @RequestParam(defaultValue = "50") int limit,
            @RequestParam(required = false) @Nullable String cursor,
            @RequestParam(defaultValue = "name") String sort,
            @RequestParam(required = false) @Nullable String tag,
            @RequestParam(required = false) @Nullable String status,
            @RequestParam(required = false) @Nullable String stage) {
        StyleQuery query = new StyleQuery(tag, status(status), sort(sort), limit, cursor, stage(stage));
        Page<Style> page =
                styles.list(workroomId, query, authorization.childrenAllowing(Action.VIEW, workroomId, Level.STYLE));
        return new PageResponse(page.items().stream().map(StyleResponse::of).toList(), page.nextCursor());
    }

    @GetMapping(BASE + "styles/{id}")
    @Requires(value = Action.VIEW, target = "id")
    StyleResponse get(@PathVariable UUID id) {
        return StyleResponse.of(styles.get(id));
    }

    @PatchMapping(BASE + "styles/{id}")
    @Requires(value = Action.EDIT_STYLE, target = "id")
    StyleResponse change(@PathVariable UUID id, @RequestBody StylePatch patch) {
        StyleStatus status = status(patch.status());
        if (status != null) {
            authorization.require(Action.APPROVE, id);
        }
        if (patch.workroomId() != null) {
            // Styles.move decides this too; asked first here, so that a refused move changes nothing else.
            authorization.require(Action.MOVE_OR_DELETE_STYLE, id);
            authorization.require(Action.UPLOAD, patch.workroomId());
        }
        UUID actor = caller();
        Style style = null;
        if (patch.name() != null || patch.description() != null || patch.tags() != null || status != null) {
            style = styles.change(id, new StyleChange(patch.name(), patch.description(), patch.tags(), status), actor);
        }
        if (patch.workroomId() != null) {
            style = styles.move(id, patch.workroomId(), actor);
        }
        if (style == null) {
            throw new InvalidContentException("Give at least one of name, description, tags, status, workroomId.");
        }
        return StyleResponse.of(style);
    }

    @DeleteMapping(BASE + "styles/{id}")
    @Requires(value = Action.MOVE_OR_DELETE_STYLE, target = "id")
    DeletedResponse delete(@PathVariable UUID id) {
        return new DeletedResponse(id, styles.delete(id, caller()));
    }

    @PostMapping(BASE + "styles/{id}/restore")
    @Requires(value = Action.MOVE_OR_DELETE_STYLE, target = "id")
    StyleResponse restore(@PathVariable UUID id) {
        return StyleResponse.of(styles.restore(id, caller()));
    }

    @PutMapping(BASE + "styles/{id}/favourite")
    @Requires(value = Action.VIEW, target = "id")
    ResponseEntity<Void> favour(@PathVariable UUID id) {
        styles.favour(id, caller());
        return ResponseEntity.noContent().build();
    }

    @DeleteMapping(BASE + "styles/{id}/favourite")
    @Requires(value = Action.VIEW, target = "id")
    ResponseEntity<Void> unfavour(@PathVariable UUID id) {
        styles.unfavour(id, caller());
        return ResponseEntity.noContent().build();
    }

    @GetMapping(BASE + "me/favourites")
    @AnyCaller("the caller's own favourites, each filtered by VIEW on the style at the decision point")
    PageResponse favourites(
            @RequestParam(defaultValue = ListPages.LIMIT) int limit,
            @RequestParam(required = false) @Nullable String cursor) {
        List<Style> found = styles.favourites(caller(), id -> authorization.allows(Action.VIEW, id));
        ListPages.Slice<Style> page = ListPages.page(found, style -> style.id().toString(), limit, cursor);
        return new PageResponse(page.items().stream().map(StyleResponse::of).toList(), page.nextCursor());
    }

    private UUID caller() {
        return callers.current().orElseThrow().accountId();
    }

    @Nullable
    private static StyleStatus status(@Nullable String status) {
        if (status == null) {
            return null;
        }
        try {
            return StyleStatus.valueOf(status.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new InvalidContentException("The status is IN_REVIEW, APPROVED or REJECTED.");
        }
    }

    /** A stage's id, as the stages list gives it; an id no stage has matches no style. */
    @Nullable
    private static String stage(@Nullable String stage) {
        if (stage == null || stage.isBlank()) {
            return null;
        }
        if (stage.length() > 64 || !stage.chars().allMatch(c -> c == '-' || Character.isLetterOrDigit(c) && c < 128)) {
            throw new InvalidContentException("The stage is a stage's id.");
        }
        return stage;
    }

    private static StyleQuery.Sort sort(String sort) {
        return switch (sort.toLowerCase(Locale.ROOT)) {
            case "name" -> StyleQuery.Sort.NAME;
            case "updated", "-updated" -> StyleQuery.Sort.UPDATED;
            default -> throw new InvalidContentException("Sort by name or updated.");
        };
    }

    record NewStyle(
            String name,
            @Nullable String description,
            @Nullable List<String> tags) {}

    record StylePatch(
            @Nullable String name,
            @Nullable String description,
            @Nullable List<String> tags,
            @Nullable String status,
            @Nullable UUID workroomId) {}

    record StyleResponse(
            UUID id,
            UUID groupId,
            UUID workroomId,
            String name,
            String description,
            List<String> tags,
            String status,
            @Nullable UUID statusBy,
            @Nullable Instant statusAt,
            UUID createdBy,
            Instant createdAt,
            UUID updatedBy,
            Instant updatedAt,
            String stage) {
        static StyleResponse of(Style style) {
            return new StyleResponse(
                    style.id(),
                    style.groupId(),
                    style.workroomId(),
                    style.name(),
                    style.description(),
                    style.tags(),
                    style.status().name(),
                    style.statusBy(),
                    style.statusAt(),
                    style.createdBy(),
                    style.createdAt(),
                    style.updatedBy(),
                    style.updatedAt(),
                    style.stage());
        }
    }

    /** The cursor is always written, as null on the last page, so clients can loop on it. */
    record PageResponse(
            List<StyleResponse> items,

            @JsonInclude(JsonInclude.Include.ALWAYS) @Nullable
            String nextCursor) {}

    record DeletedResponse(UUID id, Instant restorableUntil) {}
}
