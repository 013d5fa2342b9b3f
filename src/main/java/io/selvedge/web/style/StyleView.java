package io.selvedge.web.style;

import io.selvedge.access.Action;
import io.selvedge.access.Authorization;
import io.selvedge.access.Grant;
import io.selvedge.access.NotVisibleException;
import io.selvedge.access.Shares;
import io.selvedge.collab.Approval;
import io.selvedge.collab.Approvals;
import io.selvedge.collab.Comment;
import io.selvedge.collab.Comments;
import io.selvedge.collab.ShareLinks;
import io.selvedge.content.Colorways;
import io.selvedge.content.Renders;
import io.selvedge.content.Style;
import io.selvedge.content.Version;
import io.selvedge.content.VersionMaterial;
import io.selvedge.content.VersionMaterials;
import io.selvedge.content.Versions;
import io.selvedge.identity.Caller;
import io.selvedge.identity.Callers;
import io.selvedge.web.style.Rows.ApprovalRow;
import io.selvedge.web.style.Rows.CommentRow;
import io.selvedge.web.style.Rows.LinkRow;
import io.selvedge.web.style.Rows.ShareRow;
import io.selvedge.web.style.Rows.VersionRow;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Stream;
import lombok.RequiredArgsConstructor;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;
import org.springframework.ui.Model;

/**
 * Fills the model of the style page and of its parts that htmx replaces: what the caller may do decides
 * what is shown (download links, forms), and the handlers check the same again.
 */
@Component
@RequiredArgsConstructor
class StyleView {

    /** The most comments the page lists (the collab module's page limit). */
    static final int COMMENTS_SHOWN = 200;

    private final Versions versions;
    private final Comments comments;
    private final Approvals approvals;
    private final Shares shares;
    private final ShareLinks links;
    private final Authorization authorization;
    private final Callers callers;
    private final People people;
    private final Renders renders;
    private final Colorways colorways;
    private final VersionMaterials materials;

    UUID caller() {
        return callers.current().map(Caller::accountId).orElseThrow(NotVisibleException::new);
    }

    /** The whole page, showing the chosen version (or the newest) in the viewer. */
    void page(Style style, UUID chosenVersion, Model model) {
        page(style, chosenVersion, null, model);
    }

    /**
     * The whole page, showing the chosen version (or the newest) in the viewer, and the comments tagged with
     * the chosen colorway (or all).
     */
    void page(Style style, UUID chosenVersion, @Nullable UUID colorway, Model model) {
        Set<Action> may = authorization.allowed(style.id());
        List<Version> all = versions.list(style.id());
        List<Approval> history = approvals.history(style.id());
        Map<UUID, String> names = people.names(Stream.concat(
                        all.stream().map(Version::createdBy), history.stream().map(Approval::actorId))
                .toList());
        List<VersionRow> rows =
                all.stream().map(version -> VersionRow.of(version, names)).toList();
        VersionRow shown = rows.stream()
                .filter(row -> row.id().equals(chosenVersion))
                .findFirst()
                .orElse(chosenVersion == null && !rows.isEmpty() ? rows.get(0) : null);
        if (chosenVersion != null && shown == null) {
            throw new io.selvedge.content.NoSuchContentException();
        }
        model.addAttribute("style", style);
        model.addAttribute("versions", rows);
        model.addAttribute("shown", shown);
        model.addAttribute("canDownload", may.contains(Action.DOWNLOAD));
        model.addAttribute("canApprove", may.contains(Action.APPROVE));
        model.addAttribute("canShare", may.contains(Action.SHARE));
        model.addAttribute("canManageLinks", may.contains(Action.MANAGE_LINKS));
        model.addAttribute(
                "approvals", history.stream().map(a -> ApprovalRow.of(a, names)).toList());
        if (may.contains(Action.SHARE)) {
            List<Grant> on = shares.sharesOn(style.id());
            Map<UUID, String> sharedWith =
                    people.names(on.stream().map(Grant::accountId).toList());
            model.addAttribute(
                    "shares", on.stream().map(g -> ShareRow.of(g, sharedWith)).toList());
        }
        if (may.contains(Action.MANAGE_LINKS)) {
            model.addAttribute(
                    "links", links.list(style.id()).stream().map(LinkRow::of).toList());
            LocalDate today = LocalDate.now(ZoneOffset.UTC);
            model.addAttribute("linkMin", today.plusDays(1));
            model.addAttribute("linkMax", today.plusDays(ShareLinks.MAX_LIFETIME.toDays()));
        }
        Map<UUID, String> materialFiles = shown == null ? Map.of() : materialFiles(shown.id(), shown.format());
        List<StyleColorways.ColorwayRow> shownColorways = colorways.list(style.id()).stream()
                .map(row -> StyleColorways.ColorwayRow.of(row, materialFiles))
                .toList();
        if (colorway != null
                && shownColorways.stream().noneMatch(row -> row.id().equals(colorway))) {
            throw new io.selvedge.content.NoSuchContentException();
        }
        model.addAttribute("renderAsks", renderAsks(shown, shownColorways));
        model.addAttribute("canEditStyle", may.contains(Action.EDIT_STYLE));
        comments(style.id(), may, null, colorway, shownColorways, model);
    }

    /** An OBJ version's material file for each colorway that has one (its URL); none for other formats. */
    Map<UUID, String> materialFiles(UUID versionId, String format) {
        Map<UUID, String> files = new HashMap<>();
        if (format.equals("obj")) {
            for (VersionMaterial material : materials.list(versionId)) {
                if (material.colorwayId() != null) {
                    files.putIfAbsent(
                            material.colorwayId(), "/api/v1/versions/" + versionId + "/materials/" + material.id());
                }
            }
        }
        return files;
    }

    /**
     * What the first viewer of a 3D version is asked to render (turntable-capture.js): its own look and each
     * colorway, those nobody rendered or was asked for lately. An OBJ shows only the colorways it has a
     * material file for; a glTF's variants are known to its viewer, which renders those it can show.
     */
    private List<RenderAsk> renderAsks(@Nullable VersionRow shown, List<StyleColorways.ColorwayRow> colorways) {
        if (shown == null || !shown.previewable()) {
            return List.of();
        }
        List<RenderAsk> asks = new ArrayList<>();
        if (renders.ask(shown.id(), null)) {
            asks.add(new RenderAsk(null, null));
        }
        colorways.stream()
                .filter(row -> !shown.format().equals("obj") || row.mtl() != null)
                .limit(Renders.MAX_PER_VERSION - 1)
                .filter(row -> renders.ask(shown.id(), row.id()))
                .forEach(row -> asks.add(new RenderAsk(row.id(), row.name())));
        return asks;
    }

    /** A render asked of this page's viewer: of a colorway (by id and name), or of the version's own look (nulls). */
    record RenderAsk(@Nullable UUID colorwayId, @Nullable String colorwayName) {}

    /** The comments part: its list, and the form where the caller may comment. */
    void comments(UUID styleId, Set<Action> may, UUID highlighted, Model model) {
        comments(styleId, may, highlighted, null, null, model);
    }

    /**
     * The comments part, filtered by a colorway (null: all); the style's colorways are shown as tags and
     * offered in the form ({@code known} null: read here).
     */
    void comments(
            UUID styleId,
            Set<Action> may,
            @Nullable UUID highlighted,
            @Nullable UUID colorway,
            @Nullable List<StyleColorways.ColorwayRow> known,
            Model model) {
        List<StyleColorways.ColorwayRow> all = known != null
                ? known
                : colorways.list(styleId).stream()
                        .map(StyleColorways.ColorwayRow::of)
                        .toList();
        model.addAttribute("colorways", all);
        model.addAttribute("colorway", colorway);
        model.addAttribute(
                "colorwayNames",
                all.stream()
                        .collect(java.util.stream.Collectors.toMap(
                                StyleColorways.ColorwayRow::id, StyleColorways.ColorwayRow::name)));
        List<Comment> listed =
                comments.list(styleId, null, colorway, COMMENTS_SHOWN, null).items();
        Map<UUID, String> names =
                people.names(listed.stream().map(Comment::authorId).toList());
        UUID caller = caller();
        boolean deleteAny = may.contains(Action.DELETE_ANY_COMMENT);
        List<CommentRow> rows = new ArrayList<>();
        for (Comment comment : listed) {
            rows.add(CommentRow.of(comment, rows.size() + 1, names, caller, deleteAny));
        }
        model.addAttribute("styleId", styleId);
        model.addAttribute("comments", rows);
        model.addAttribute("canComment", may.contains(Action.COMMENT));
        model.addAttribute("highlighted", highlighted);
    }

    void comments(UUID styleId, UUID highlighted, Model model) {
        comments(styleId, authorization.allowed(styleId), highlighted, model);
    }

    void comments(UUID styleId, @Nullable UUID highlighted, @Nullable UUID colorway, Model model) {
        comments(styleId, authorization.allowed(styleId), highlighted, colorway, null, model);
    }
}
