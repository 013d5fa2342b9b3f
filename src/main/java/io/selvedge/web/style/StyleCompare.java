package io.selvedge.web.style;

import io.selvedge.access.Action;
import io.selvedge.access.Requires;
import io.selvedge.collab.Comment;
import io.selvedge.collab.Comments;
import io.selvedge.content.InvalidContentException;
import io.selvedge.content.NoSuchContentException;
import io.selvedge.content.Style;
import io.selvedge.content.Styles;
import io.selvedge.content.Version;
import io.selvedge.content.Versions;
import io.selvedge.web.Breadcrumbs;
import io.selvedge.web.style.Rows.CommentRow;
import io.selvedge.web.style.Rows.VersionRow;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * Two versions of a style compared: side by side with linked cameras, or overlaid (/js/compare.js), each
 * with its comments. Both versions are the style's, so whoever may view the style may view both; the
 * models load through the versions' preview URLs, which decide access again.
 */
@Controller
class StyleCompare {

    private final Styles styles;
    private final Versions versions;
    private final Comments comments;
    private final StyleView view;
    private final People people;
    private final Breadcrumbs crumbs;

    StyleCompare(
            Styles styles, Versions versions, Comments comments, StyleView view, People people, Breadcrumbs crumbs) {
        this.styles = styles;
        this.versions = versions;
        this.comments = comments;
        this.view = view;
        this.people = people;
        this.crumbs = crumbs;
    }

    /**
     * One side of the comparison as the address names it. Today a version's id; a colorway of the version
     * will be named here too (issue 21 item 1), so that the page, its form and /js/compare.js carry a side,
     * never a bare version id.
     */
    record Choice(UUID versionId) {

        static @Nullable Choice parse(@Nullable String text) {
            if (text == null || text.isBlank()) {
                return null;
            }
            try {
                return new Choice(UUID.fromString(text.strip()));
            } catch (IllegalArgumentException e) {
                throw new InvalidContentException("Name each side by a version's id.");
            }
        }
    }

    /** A side as the page shows it: its version and the comments written on that version. */
    record Side(String key, VersionRow version, List<CommentRow> comments) {}

    @GetMapping("/styles/{id}/compare")
    @Requires(value = Action.VIEW, target = "id")
    String page(
            @PathVariable UUID id,
            @RequestParam(required = false) @Nullable String left,
            @RequestParam(required = false) @Nullable String right,
            Model model) {
        Style style = styles.get(id);
        List<Version> all = versions.list(id);
        Map<UUID, String> names =
                people.names(all.stream().map(Version::createdBy).toList());
        List<VersionRow> previewable = all.stream()
                .filter(Version::previewable)
                .map(version -> VersionRow.of(version, names))
                .toList();
        Choice leftChoice = Choice.parse(left);
        Choice rightChoice = Choice.parse(right);
        model.addAttribute("style", style);
        model.addAttribute("crumbs", crumbs.of(style.id()));
        model.addAttribute("choices", previewable);
        if (leftChoice == null && rightChoice == null && previewable.size() >= 2) {
            // The newest two (the list is newest first): what changed last.
            leftChoice = new Choice(previewable.get(1).id());
            rightChoice = new Choice(previewable.get(0).id());
        }
        if (leftChoice == null || rightChoice == null) {
            model.addAttribute("sides", null);
            return "style/compare";
        }
        List<CommentRow> rows = commentRows(id);
        model.addAttribute(
                "sides",
                List.of(side("left", leftChoice, all, names, rows), side("right", rightChoice, all, names, rows)));
        return "style/compare";
    }

    private Side side(String key, Choice choice, List<Version> all, Map<UUID, String> names, List<CommentRow> rows) {
        Version version = all.stream()
                .filter(v -> v.id().equals(choice.versionId()))
                .findFirst()
                .orElseThrow(NoSuchContentException::new); // not this style's: as for an id that names nothing
        List<CommentRow> on = rows.stream()
                .filter(row -> version.id().equals(row.versionId()))
                .toList();
        return new Side(key, VersionRow.of(version, names), on);
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
