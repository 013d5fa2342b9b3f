package io.selvedge.web;

import io.selvedge.access.Action;
import io.selvedge.access.Authorization;
import io.selvedge.access.SecurityPolicies;
import io.selvedge.collab.LinkPasswordException;
import io.selvedge.collab.LinkThrottledException;
import io.selvedge.collab.OpenedLink;
import io.selvedge.collab.ShareLink;
import io.selvedge.collab.ShareLinks;
import io.selvedge.content.FileResponses;
import io.selvedge.content.NoSuchContentException;
import io.selvedge.content.Style;
import io.selvedge.content.StyleQuery;
import io.selvedge.content.Styles;
import io.selvedge.content.Version;
import io.selvedge.content.Versions;
import io.selvedge.identity.Caller;
import io.selvedge.identity.Callers;
import io.selvedge.platform.AnyCaller;
import io.selvedge.platform.Transfers;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.io.IOException;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import lombok.RequiredArgsConstructor;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The read-only page a share link opens, for anyone holding it: the style (or the workroom's styles),
 * their versions, and each 3D model through the link. A password-protected link asks for its password
 * (throttled like sign-in) and remembers it for the browser session. Downloads through a link that allows
 * them are for signed-in members of the group, unless the group's policy lets anyone holding the link
 * download ({@code linkDownloadsForAnyone}); a refusal is a page that says why (403). Not indexed, and no
 * Referer leaves it (the token is in the URL).
 */
@RefusalPage(value = "shared-link-gone", secretInAddress = true)
@Controller
@AnyCaller("the share link's token is the credential; expired, revoked and unknown links are not found")
@RequiredArgsConstructor
class SharedLinkPage {

    private static final String UNLOCKED = "selvedge.link.unlocked.";

    private final ShareLinks links;
    private final Styles styles;
    private final Versions versions;
    private final Authorization authorization;
    private final Callers callers;
    private final SecurityPolicies policies;
    private final Transfers transfers;

    @GetMapping("/s/{token}")
    String page(@PathVariable String token, HttpServletRequest request, HttpServletResponse response, Model model) {
        guard(response);
        ShareLink link = links.find(token).orElseThrow(NoSuchContentException::new);
        if (link.passwordProtected() && !unlocked(request, link.id())) {
            model.addAttribute("token", token);
            return "shared-link-password";
        }
        if (link.passwordProtected()) {
            links.recordUse(link.id(), "opened");
            return show(token, link.targetId(), link.targetKind(), link.allowDownload(), model);
        }
        OpenedLink opened = links.open(token, null).orElseThrow(NoSuchContentException::new);
        return show(token, opened.targetId(), opened.targetKind(), opened.allowDownload(), model);
    }

    @PostMapping("/s/{token}")
    String unlock(
            @PathVariable String token,
            @RequestParam(defaultValue = "") String password,
            HttpServletRequest request,
            HttpServletResponse response,
            Model model) {
        guard(response);
        model.addAttribute("token", token);
        try {
            OpenedLink opened = links.open(token, password).orElseThrow(NoSuchContentException::new);
            HttpSession session = request.getSession(true);
            session.setAttribute(UNLOCKED + opened.linkId(), Boolean.TRUE);
            return show(token, opened.targetId(), opened.targetKind(), opened.allowDownload(), model);
        } catch (LinkPasswordException e) {
            response.setStatus(HttpStatus.UNAUTHORIZED.value());
            model.addAttribute("problem", "That password is not right.");
            return "shared-link-password";
        } catch (LinkThrottledException e) {
            response.setStatus(HttpStatus.TOO_MANY_REQUESTS.value());
            response.setHeader(HttpHeaders.RETRY_AFTER, Long.toString(e.retryAfterSeconds()));
            model.addAttribute("problem", "Too many wrong passwords: wait " + e.retryAfterSeconds() + " s.");
            return "shared-link-password";
        }
    }

    @GetMapping("/s/{token}/versions/{versionId}/preview")
    void preview(
            @PathVariable String token,
            @PathVariable UUID versionId,
            HttpServletRequest request,
            HttpServletResponse response)
            throws IOException {
        guard(response);
        ShareLink link = reachable(token, request);
        Version version = versionOf(link, versionId);
        if (!version.previewable()) {
            throw new NoSuchContentException();
        }
        links.recordUse(link.id(), "preview");
        // The preview is attributed to the link: its id stands as the actor of the content event.
        FileResponses.serve(
                transfers, request, response, version, "inline", ranged -> versions.preview(versionId, link.id()));
    }

    @GetMapping("/s/{token}/versions/{versionId}/content")
    String download(
            @PathVariable String token,
            @PathVariable UUID versionId,
            HttpServletRequest request,
            HttpServletResponse response,
            Model model)
            throws IOException {
        guard(response);
        ShareLink link = reachable(token, request);
        Version version = versionOf(link, versionId);
        Optional<Caller> caller = callers.current();
        String refusal = refusal(link, version, caller);
        if (refusal != null) {
            links.recordUse(link.id(), "refused");
            response.setStatus(HttpStatus.FORBIDDEN.value());
            model.addAttribute("token", token);
            model.addAttribute("reason", refusal);
            return "shared-link-refused";
        }
        links.recordUse(link.id(), "download");
        // Someone who is not signed in downloads as the link, as a preview through it is attributed.
        UUID actor = caller.map(Caller::accountId).orElse(link.id());
        FileResponses.Opening download = range -> versions.download(versionId, actor, range);
        FileResponses.serve(transfers, request, response, version, "attachment", download);
        return null;
    }

    /** Why the caller may not download the version through the link, or null if they may. */
    @Nullable
    private String refusal(ShareLink link, Version version, Optional<Caller> caller) {
        if (!link.allowDownload()) {
            return "This link lets you view what was shared, not download it.";
        }
        if (policies.policyOf(version.groupId()).linkDownloadsForAnyone()) {
            return null;
        }
        if (caller.isEmpty() || !authorization.allows(Action.VIEW_GROUP, version.groupId())) {
            return "Downloads through this link are for signed-in members of the group that shared it."
                    + " Sign in with an account of that group, or ask whoever sent the link for the file.";
        }
        return null;
    }

    private ShareLink reachable(String token, HttpServletRequest request) {
        ShareLink link = links.find(token).orElseThrow(NoSuchContentException::new);
        if (link.passwordProtected() && !unlocked(request, link.id())) {
            throw new NoSuchContentException();
        }
        return link;
    }

    /** A version of the linked style, or of a style in the linked workroom; otherwise not found. */
    private Version versionOf(ShareLink link, UUID versionId) {
        Version version = versions.get(versionId);
        Style style = styles.get(version.styleId());
        boolean inside = "style".equals(link.targetKind())
                ? style.id().equals(link.targetId())
                : style.workroomId().equals(link.targetId());
        if (!inside) {
            throw new NoSuchContentException();
        }
        return version;
    }

    private String show(String token, UUID targetId, String targetKind, boolean allowDownload, Model model) {
        List<Style> shown = "style".equals(targetKind)
                ? List.of(styles.get(targetId))
                : styles.list(targetId, new StyleQuery(null, null, StyleQuery.Sort.NAME, 200, null), id -> true)
                        .items();
        List<SharedStyle> listed = shown.stream()
                .map(style -> new SharedStyle(style, versions.list(style.id())))
                .toList();
        model.addAttribute("token", token);
        model.addAttribute("styles", listed);
        model.addAttribute("anyPreview", listed.stream().anyMatch(shared -> shared.previewed() != null));
        // The download is offered to whom the download handler serves: members, or anyone by the policy.
        boolean offered = !listed.isEmpty() && mayDownload(listed.get(0).style().groupId());
        model.addAttribute("allowDownload", allowDownload && offered);
        return "shared-link";
    }

    private boolean mayDownload(UUID groupId) {
        return policies.policyOf(groupId).linkDownloadsForAnyone()
                || (callers.current().isPresent() && authorization.allows(Action.VIEW_GROUP, groupId));
    }

    private static boolean unlocked(HttpServletRequest request, UUID linkId) {
        HttpSession session = request.getSession(false);
        return session != null && Boolean.TRUE.equals(session.getAttribute(UNLOCKED + linkId));
    }

    private static void guard(HttpServletResponse response) {
        response.setHeader("Referrer-Policy", "no-referrer");
        response.setHeader("X-Robots-Tag", "noindex, nofollow");
        response.setHeader(HttpHeaders.CACHE_CONTROL, "no-store");
    }

    /** A style and its versions, for the page. */
    record SharedStyle(Style style, List<Version> versions) {

        /** The newest version the 3D viewer can show, or null. */
        @org.jspecify.annotations.Nullable
        public Version previewed() {
            return versions.stream().filter(Version::previewable).findFirst().orElse(null);
        }

        /** The viewer's loader for {@link #previewed()}: "obj" or "gltf". */
        public String format() {
            Version version = previewed();
            return version != null
                            && version.filename()
                                    .toLowerCase(java.util.Locale.ROOT)
                                    .endsWith(".obj")
                    ? "obj"
                    : "gltf";
        }
    }
}
