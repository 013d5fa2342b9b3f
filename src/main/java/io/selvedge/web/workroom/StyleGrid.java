package io.selvedge.web.workroom;

import io.selvedge.access.Action;
import io.selvedge.access.Authorization;
import io.selvedge.access.Level;
import io.selvedge.content.Colorway;
import io.selvedge.content.Colorways;
import io.selvedge.content.Render;
import io.selvedge.content.Renders;
import io.selvedge.content.Stage;
import io.selvedge.content.Stages;
import io.selvedge.content.Style;
import io.selvedge.content.StyleLookups;
import io.selvedge.content.StyleQuery;
import io.selvedge.content.StyleStatus;
import io.selvedge.content.Styles;
import io.selvedge.content.Version;
import io.selvedge.content.Versions;
import io.selvedge.tenancy.Page;
import io.selvedge.tenancy.TreeNode;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import lombok.RequiredArgsConstructor;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

/**
 * The cards of a workroom's grid: a page of its styles (filtered by tag, status and stage through the styles'
 * list), or the styles matching a search (the group's search, kept to this workroom), each with its
 * latest version, its picture and turntable (and those of each colorway rendered), and the workflow stage it
 * is in.
 */
@Component
@RequiredArgsConstructor
class StyleGrid {

    static final int PAGE_SIZE = 24;
    private static final int SEARCH_LIMIT = 200;

    private final Styles styles;
    private final StyleLookups lookups;
    private final Versions versions;
    private final Authorization authorization;
    private final Stages stages;
    private final Renders renders;
    private final Colorways colorways;

    Cards of(TreeNode workroom, Filter filter) {
        Map<String, Stage> byId =
                stages.of(workroom.groupId()).stream().collect(Collectors.toMap(Stage::id, Function.identity()));
        Function<Style, Card> card = style -> card(style, byId.get(style.stage()));
        Predicate<UUID> visible = authorization.childrenAllowing(Action.VIEW, workroom.id(), Level.STYLE);
        if (filter.q() != null) {
            List<Card> found = lookups.search(workroom.groupId(), filter.q(), SEARCH_LIMIT, visible).stream()
                    .filter(style -> style.workroomId().equals(workroom.id()))
                    .filter(filter::matches)
                    .map(card)
                    .toList();
            return new Cards(found, null);
        }
        StyleQuery query = new StyleQuery(
                filter.tag(), filter.status(), StyleQuery.Sort.NAME, PAGE_SIZE, filter.cursor(), filter.stage());
        Page<Style> page = styles.list(workroom.id(), query, visible);
        return new Cards(page.items().stream().map(card).toList(), page.nextCursor());
    }

    /** The styles an upload may go to, by name (the first 200: the choice is a select). */
    List<Style> uploadTargets(UUID workroomId) {
        StyleQuery query = new StyleQuery(null, null, StyleQuery.Sort.NAME, 200, null);
        Predicate<UUID> uploadable = authorization.childrenAllowing(Action.UPLOAD, workroomId, Level.STYLE);
        return styles.list(workroomId, query, uploadable).items();
    }

    private Card card(Style style, @Nullable Stage stage) {
        List<Version> all = versions.list(style.id());
        Version latest = all.isEmpty() ? null : all.get(0);
        if (latest == null) {
            return new Card(style, null, false, null, List.of(), stage);
        }
        if (latest.thumbnailType() != null || !latest.previewable()) {
            return new Card(style, latest, latest.thumbnailType() != null, null, List.of(), stage); // uploaded wins
        }
        // Its own look first, then each colorway rendered, in the style's order of colorways.
        List<Render> rendered = renders.list(latest);
        Map<UUID, Render> byColorway = rendered.stream()
                .filter(render -> render.colorwayId() != null)
                .collect(Collectors.toMap(Render::colorwayId, Function.identity()));
        List<CardColorway> shown = byColorway.isEmpty()
                ? List.of()
                : colorways.list(style.id()).stream()
                        .filter(colorway -> byColorway.containsKey(colorway.id()))
                        .map(colorway -> new CardColorway(colorway, byColorway.get(colorway.id())))
                        .toList();
        Render first = rendered.stream()
                .filter(render -> render.colorwayId() == null)
                .findFirst()
                .orElse(shown.isEmpty() ? null : shown.get(0).render());
        return new Card(style, latest, first != null, first, shown, stage);
    }

    /**
     * One style's card; {@code latest} is null before its first version; {@code hasThumbnail} when its
     * latest version has a picture (uploaded or rendered); {@code render}, the turntable shown first (its own
     * look's, else its first colorway's), if it has one; {@code colorways}, the colorways it has renders of,
     * whose swatches show theirs (none when an uploaded picture wins); {@code stage} null if it names none of
     * the group's.
     */
    record Card(
            Style style,
            @Nullable Version latest,
            boolean hasThumbnail,
            @Nullable Render render,
            List<CardColorway> colorways,
            @Nullable Stage stage) {}

    /** A colorway on a card, with the latest version's render in it. */
    record CardColorway(Colorway colorway, Render render) {}

    /** A page of cards; {@code nextCursor} is null on the last page and for a search. */
    record Cards(List<Card> items, @Nullable String nextCursor) {}

    /** What the grid shows: blank values mean "any"; a text search is not paged. */
    record Filter(
            @Nullable String q,
            @Nullable String tag,
            @Nullable StyleStatus status,
            @Nullable String cursor,
            @Nullable String stage) {

        static final Filter NONE = new Filter(null, null, null, null, null);

        static Filter of(
                @Nullable String q,
                @Nullable String tag,
                @Nullable String status,
                @Nullable String stage,
                @Nullable String cursor) {
            return new Filter(blank(q, 200), blank(tag, 100), status(status), blank(cursor, 1000), blank(stage, 64));
        }

        boolean matches(Style style) {
            boolean tagged = tag == null || style.tags().stream().anyMatch(t -> t.equalsIgnoreCase(tag));
            return tagged
                    && (status == null || style.status() == status)
                    && (stage == null || style.stage().equals(stage));
        }

        String statusName() {
            return status == null ? "" : status.name();
        }

        @Nullable
        private static String blank(@Nullable String value, int max) {
            if (value == null || value.isBlank()) {
                return null;
            }
            String stripped = value.strip();
            return stripped.length() > max ? stripped.substring(0, max) : stripped;
        }

        /** An unknown status is no filter, as a select with a stale value would send it. */
        @Nullable
        private static StyleStatus status(@Nullable String value) {
            if (value == null || value.isBlank()) {
                return null;
            }
            try {
                return StyleStatus.valueOf(value.strip().toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                return null;
            }
        }
    }
}
