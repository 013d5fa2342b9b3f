package io.selvedge.web.style;

import io.selvedge.access.Action;
import io.selvedge.access.Requires;
import io.selvedge.collab.Comment;
import io.selvedge.collab.Comments;
import io.selvedge.content.Colorways;
import io.selvedge.content.InvalidContentException;
import io.selvedge.content.NoSuchContentException;
import io.selvedge.content.Style;
import io.selvedge.content.Styles;
import io.selvedge.content.Version;
import io.selvedge.content.Versions;
import io.selvedge.web.Breadcrumbs;
import io.selvedge.web.style.Rows.CommentRow;
import io.selvedge.web.style.Rows.VersionRow;
import io.selvedge.web.style.StyleColorways.ColorwayRow;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import lombok.RequiredArgsConstructor;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * Two versions of a style, or two colorways, compared: side by side with linked cameras, or overlaid
 * (/js/compare.js), each with its comments. Both versions are the style's, so whoever may view the style may
 * view both; the models load through the versions' preview URLs, which decide access again.
 */
@Controller
@RequiredArgsConstructor
class StyleCompare {

    private final Styles styles;
    private final Versions versions;
    private final Comments comments;
    private final Colorways colorways;
    private final StyleView view;
    private final People people;
    private final Breadcrumbs crumbs;

    /**
     * One side of the comparison as the address names it: a version's id ({@code left}, {@code right}) and,
     * to compare colorways, one of the style's colorways ({@code leftColorway}, {@code rightColorway}; none:
     * the file's own look).
     */
    record Choice(UUID versionId, @Nullable UUID colorwayId) {

        static @Nullable Choice parse(@Nullable String version, @Nullable String colorway) {
            if (version == null || version.isBlank()) {
                return null;
            }
            return new Choice(
                    id(version, "Name each side by a version's id."),
                    colorway == null || colorway.isBlank() ? null : id(colorway, "Name a colorway by its id."));
        }

        private static UUID id(String text, String problem) {
            try {
                return UUID.fromString(text.strip());
            } catch (IllegalArgumentException e) {
                throw new InvalidContentException(problem);
            }
        }
    }

    /**
     * A side as the page shows it: its version, the colorway it is shown in (null: the file's own look), and
     * the comments written on that version (a colorway's side: those about that colorway or about none).
     */
    record Side(String key, VersionRow version, @Nullable ColorwayRow colorway, List<CommentRow> comments) {}

    @GetMapping("/styles/{id}/compare")
    @Requires(value = Action.VIEW, target = "id")
    String page(
            @PathVariable UUID id,
            @RequestParam(required = false) @Nullable String left,
            @RequestParam(required = false) @Nullable String right,
            @RequestParam(required = false) @Nullable String leftColorway,
            @RequestParam(required = false) @Nullable String rightColorway,
            Model model) {
        Style style = styles.get(id);
        List<Version> all = versions.list(id);
        Map<UUID, String> names =
                people.names(all.stream().map(Version::createdBy).toList());
        List<VersionRow> previewable = all.stream()
                .filter(Version::previewable)
                .map(version -> VersionRow.of(version, names))
                .toList();
        Choice leftChoice = Choice.parse(left, leftColorway);
        Choice rightChoice = Choice.parse(right, rightColorway);
        List<ColorwayRow> styleColorways =
                colorways.list(id).stream().map(ColorwayRow::of).toList();
        model.addAttribute("style", style);
        model.addAttribute("crumbs", crumbs.of(style.id()));
        model.addAttribute("choices", previewable);
        model.addAttribute("colorways", styleColorways);
        if (leftChoice == null && rightChoice == null && previewable.size() >= 2) {
            // The newest two (the list is newest first): what changed last.
            leftChoice = new Choice(previewable.get(1).id(), null);
            rightChoice = new Choice(previewable.get(0).id(), null);
        } else if (leftChoice == null && rightChoice == null && !previewable.isEmpty() && styleColorways.size() >= 2) {
            // One model: its first two colorways.
            UUID only = previewable.get(0).id();
            leftChoice = new Choice(only, styleColorways.get(0).id());
            rightChoice = new Choice(only, styleColorways.get(1).id());
        }
        if (leftChoice == null || rightChoice == null) {
            model.addAttribute("sides", null);
            return "style/compare";
        }
        List<CommentRow> rows = commentRows(id);
        model.addAttribute(
                "sides",
                List.of(
                        side("left", leftChoice, all, styleColorways, names, rows),
                        side("right", rightChoice, all, styleColorways, names, rows)));
        return "style/compare";
    }

    private Side side(
            String key,
            Choice choice,
            List<Version> all,
            List<ColorwayRow> styleColorways,
            Map<UUID, String> names,
            List<CommentRow> rows) {
        // Another style's version or colorway: as for an id that names nothing.
        Version version = all.stream()
                .filter(v -> v.id().equals(choice.versionId()))
                .findFirst()
                .orElseThrow(NoSuchContentException::new);
        ColorwayRow named = choice.colorwayId() == null
                ? null
                : styleColorways.stream()
                        .filter(c -> c.id().equals(choice.colorwayId()))
                        .findFirst()
                        .orElseThrow(NoSuchContentException::new);
        // An OBJ shows a colorway through its material file, which the side's viewer finds beside it.
        VersionRow shown = VersionRow.of(version, names);
        String mtl = named == null
                ? null
                : view.materialFiles(version.id(), shown.format()).get(named.id());
        ColorwayRow colorway =
                named == null ? null : new ColorwayRow(named.id(), named.name(), named.swatch(), named.status(), mtl);
        List<CommentRow> on = rows.stream()
                .filter(row -> version.id().equals(row.versionId()))
                .filter(row -> colorway == null
                        || row.colorwayId() == null
                        || colorway.id().equals(row.colorwayId()))
                .toList();
        return new Side(key, shown, colorway, on);
    }

    /** The style's comments numbered as on the style page, so a pin's number is the same on both. */
    private List<CommentRow> commentRows(UUID styleId) {
        List<Comment> listed =
                comments.list(styleId, null, StyleView.COMMENTS_SHOWN, null).items();
        Map<UUID, String> authors =
                people.names(listed.stream().map(Comment::authorId).toList());
        UUID caller = view.caller();
        List<CommentRow> rows = new ArrayList<>();
        for (Comment comment : listed) {
            // Read here, changed on the style page: nothing is deletable from this page.
            rows.add(CommentRow.of(comment, rows.size() + 1, authors, caller, false));
        }
        return rows;
    }
}
