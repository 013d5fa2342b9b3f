package io.selvedge.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.selvedge.access.Action;
import io.selvedge.access.Authorization;
import io.selvedge.access.Requires;
import io.selvedge.collab.Approval;
import io.selvedge.collab.Approvals;
import io.selvedge.collab.Comment;
import io.selvedge.collab.CommentScreenshot;
import io.selvedge.collab.Comments;
import io.selvedge.collab.CreatedLink;
import io.selvedge.collab.Notification;
import io.selvedge.collab.NotificationKind;
import io.selvedge.collab.Notifications;
import io.selvedge.collab.Pin;
import io.selvedge.collab.ShareLink;
import io.selvedge.collab.ShareLinks;
import io.selvedge.content.InvalidContentException;
import io.selvedge.content.StyleLookups;
import io.selvedge.content.StyleStatus;
import io.selvedge.identity.Callers;
import io.selvedge.platform.AnyCaller;
import io.selvedge.platform.PlatformProperties;
import io.selvedge.tenancy.Page;
import java.net.URI;
import java.time.Instant;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
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
 * Collaboration on styles: comments, approvals, follows, share links, search, and each caller's
 * notifications. A comment and a link are decided as the style (or workroom) they belong to.
 */
@RestController
class CollabApi {

    private static final String BASE = "/api/v1/";

    private final Comments comments;
    private final Approvals approvals;
    private final ShareLinks links;
    private final Notifications notifications;
    private final StyleLookups lookups;
    private final Authorization authorization;
    private final Callers callers;
    private final String linkBase;

    CollabApi(
            Comments comments,
            Approvals approvals,
            ShareLinks links,
            Notifications notifications,
            StyleLookups lookups,
            Authorization authorization,
            Callers callers,
            PlatformProperties platform) {
        this.comments = comments;
        this.approvals = approvals;
        this.links = links;
        this.notifications = notifications;
        this.lookups = lookups;
        this.authorization = authorization;
        this.callers = callers;
        String base = platform.publicUrl().toString();
        this.linkBase = (base.endsWith("/") ? base.substring(0, base.length() - 1) : base) + "/s/";
    }

    // Comments

    @PostMapping(BASE + "styles/{id}/comments")
    @Requires(value = Action.COMMENT, target = "id")
    ResponseEntity<CommentResponse> comment(@PathVariable UUID id, @RequestBody NewComment request) {
        if (request.pin() != null && request.imagePin() != null) {
            throw new InvalidContentException("Pin a comment to a 3D point or an image point, not both.");
        }
        Pin pin = null;
        if (request.pin() != null) {
            pin = request.pin().threeD();
        } else if (request.imagePin() != null) {
            pin = request.imagePin().image();
        }
        Comment comment = comments.post(
                id, request.body(), request.versionId(), pin, request.colorwayId(), request.screenshot(), caller());
        return ResponseEntity.created(URI.create(BASE + "comments/" + comment.id()))
                .body(CommentResponse.of(comment));
    }

    @GetMapping(BASE + "styles/{id}/comments")
    @Requires(value = Action.VIEW, target = "id")
    CommentPage comments(
            @PathVariable UUID id,
            @RequestParam(defaultValue = "50") int limit,
            @RequestParam(required = false) @Nullable String cursor,
            @RequestParam(required = false) @Nullable Boolean resolved,
            @RequestParam(required = false) @Nullable UUID colorway) {
        Page<Comment> page = comments.list(id, resolved, colorway, limit, cursor);
        return new CommentPage(page.items().stream().map(CommentResponse::of).toList(), page.nextCursor());
    }

    /** The picture of the view the comment was written on, for whoever may read the comment. */
    @GetMapping(BASE + "comments/{id}/screenshot")
    @Requires(value = Action.VIEW, target = "id")
    ResponseEntity<byte[]> screenshot(@PathVariable UUID id) {
        CommentScreenshot screenshot = comments.screenshot(id);
        return ResponseEntity.ok()
                .contentType(MediaType.parseMediaType(screenshot.contentType()))
                .header(HttpHeaders.CACHE_CONTROL, "private, no-store")
                .header(HttpHeaders.CONTENT_DISPOSITION, "inline")
                .body(screenshot.bytes());
    }

    @PatchMapping(BASE + "comments/{id}")
    @Requires(value = Action.COMMENT, target = "id")
    CommentResponse changeComment(@PathVariable UUID id, @RequestBody CommentPatch patch) {
        return CommentResponse.of(comments.change(id, patch.body(), patch.resolved(), caller()));
    }

    @DeleteMapping(BASE + "comments/{id}")
    @Requires(value = Action.COMMENT, target = "id")
    ResponseEntity<Void> deleteComment(@PathVariable UUID id) {
        comments.delete(id, caller(), authorization.allows(Action.DELETE_ANY_COMMENT, id));
        return ResponseEntity.noContent().build();
    }

    // Approvals

    @PostMapping(BASE + "styles/{id}/approval")
    @Requires(value = Action.APPROVE, target = "id")
    ResponseEntity<ApprovalResponse> approve(@PathVariable UUID id, @RequestBody NewApproval request) {
        Approval approval = approvals.record(id, StyleStatus.named(request.status()), request.note(), caller());
        return ResponseEntity.status(201).body(ApprovalResponse.of(approval));
    }

    @GetMapping(BASE + "styles/{id}/approvals")
    @Requires(value = Action.VIEW, target = "id")
    List<ApprovalResponse> approvals(@PathVariable UUID id) {
        return approvals.history(id).stream().map(ApprovalResponse::of).toList();
    }

    // Follows

    @PutMapping(BASE + "styles/{id}/follow")
    @Requires(value = Action.VIEW, target = "id")
    ResponseEntity<Void> follow(@PathVariable UUID id) {
        notifications.follow(id, caller());
        return ResponseEntity.noContent().build();
    }

    @DeleteMapping(BASE + "styles/{id}/follow")
    @Requires(value = Action.VIEW, target = "id")
    ResponseEntity<Void> unfollow(@PathVariable UUID id) {
        notifications.unfollow(id, caller());
        return ResponseEntity.noContent().build();
    }

    // Share links

    @PostMapping(BASE + "styles/{id}/links")
    @Requires(value = Action.MANAGE_LINKS, target = "id")
    ResponseEntity<LinkCreatedResponse> linkStyle(@PathVariable UUID id, @RequestBody NewLink request) {
        return created(
                links.create(id, "style", request.expiresAt(), request.password(), request.allowDownload(), caller()));
    }

    @PostMapping(BASE + "workrooms/{id}/links")
    @Requires(value = Action.MANAGE_LINKS, target = "id")
    ResponseEntity<LinkCreatedResponse> linkWorkroom(@PathVariable UUID id, @RequestBody NewLink request) {
        return created(links.create(
                id, "workroom", request.expiresAt(), request.password(), request.allowDownload(), caller()));
    }

    /** The link's address at the public URL (the token is shown only here, only this once). */
    private ResponseEntity<LinkCreatedResponse> created(CreatedLink link) {
        return ResponseEntity.created(URI.create(BASE + "links/" + link.id()))
                .header("Cache-Control", "no-store")
                .body(new LinkCreatedResponse(link.id(), linkBase + link.token()));
    }

    @GetMapping(BASE + "styles/{id}/links")
    @Requires(value = Action.MANAGE_LINKS, target = "id")
    List<ShareLink> styleLinks(@PathVariable UUID id) {
        return links.list(id);
    }

    @GetMapping(BASE + "workrooms/{id}/links")
    @Requires(value = Action.MANAGE_LINKS, target = "id")
    List<ShareLink> workroomLinks(@PathVariable UUID id) {
        return links.list(id);
    }

    /** An admin takes a link over (its creator lost the right to share): it answers to them from now on. */
    @PostMapping(BASE + "links/{id}/take-over")
    @Requires(value = Action.TAKE_OVER_LINKS, target = "id")
    ShareLink takeOver(@PathVariable UUID id) {
        return links.takeOver(id, caller());
    }

    @DeleteMapping(BASE + "links/{id}")
    @Requires(value = Action.MANAGE_LINKS, target = "id")
    ResponseEntity<Void> revoke(@PathVariable UUID id) {
        links.revoke(id, caller());
        return ResponseEntity.noContent().build();
    }

    // Search

    @GetMapping(BASE + "groups/{id}/search")
    @Requires(value = Action.VIEW_GROUP, target = "id")
    SearchResponse search(
            @PathVariable UUID id,
            @RequestParam(required = false) @Nullable String q,
            @RequestParam(defaultValue = "50") int limit) {
        return new SearchResponse(
                lookups.search(id, q, limit, style -> authorization.allows(Action.VIEW, style)).stream()
                        .map(StylesApi.StyleResponse::of)
                        .toList());
    }

    // Notifications

    @GetMapping(BASE + "me/notifications")
    @AnyCaller("the caller's own notifications, each rendered only for what the caller may still view")
    NotificationsResponse notifications(@RequestParam(defaultValue = "50") int limit) {
        UUID me = caller();
        List<Notification> items = notifications.list(me, limit, id -> authorization.allows(Action.VIEW, id));
        return new NotificationsResponse(items, notifications.unread(me));
    }

    @PostMapping(BASE + "me/notifications/read")
    @AnyCaller("marks the caller's own notifications read")
    NotificationsRead read(@RequestBody(required = false) @Nullable ReadRequest request) {
        UUID me = caller();
        int changed = notifications.markRead(me, request == null ? null : request.ids());
        return new NotificationsRead(changed, notifications.unread(me));
    }

    @GetMapping(BASE + "me/notification-settings")
    @AnyCaller("the caller's own e-mail choices")
    Map<NotificationKind, Boolean> settings() {
        return notifications.emailSettings(caller());
    }

    @PutMapping(BASE + "me/notification-settings")
    @AnyCaller("changes the caller's own e-mail choices")
    Map<NotificationKind, Boolean> changeSettings(@RequestBody Map<String, Boolean> request) {
        Map<NotificationKind, Boolean> settings = new EnumMap<>(NotificationKind.class);
        request.forEach((kind, email) -> {
            try {
                settings.put(NotificationKind.valueOf(kind.toUpperCase(Locale.ROOT)), email);
            } catch (IllegalArgumentException e) {
                throw new InvalidContentException("The kinds are MENTION, NEW_VERSION, APPROVAL and SHARE.");
            }
        });
        return notifications.changeEmailSettings(caller(), settings);
    }

    private UUID caller() {
        return callers.current().orElseThrow().accountId();
    }

    record Point(
            @Nullable Double x,
            @Nullable Double y,
            @Nullable Double z) {
        Pin threeD() {
            if (x == null || y == null || z == null) {
                throw new InvalidContentException("A 3D pin has numbers x, y and z.");
            }
            return new Pin(x, y, z);
        }

        Pin image() {
            if (x == null || y == null || z != null) {
                throw new InvalidContentException("An image pin has numbers x and y.");
            }
            return new Pin(x, y, null);
        }
    }

    /** {@code screenshot}: the view the comment was written on, a PNG or WebP image in Base64. */
    record NewComment(
            @Nullable String body,
            @Nullable UUID versionId,
            @Nullable Point pin,
            @Nullable Point imagePin,
            @Nullable UUID colorwayId,
            @Nullable String screenshot) {
        @Override
        public String toString() {
            return "NewComment[versionId=" + versionId + "]"; // never the body or the picture
        }
    }

    record CommentPatch(@Nullable String body, @Nullable Boolean resolved) {}

    record CommentResponse(
            UUID id,
            UUID styleId,
            @Nullable UUID versionId,
            UUID authorId,
            String body,
            @Nullable Point pin,
            @Nullable Point imagePin,
            boolean resolved,
            @Nullable UUID resolvedBy,
            @Nullable Instant resolvedAt,
            Instant createdAt,
            Instant updatedAt,
            @Nullable UUID colorwayId,
            boolean screenshot) {
        static CommentResponse of(Comment comment) {
            Pin pin = comment.pin();
            Point threeD = pin != null && !pin.image() ? new Point(pin.x(), pin.y(), pin.z()) : null;
            Point image = pin != null && pin.image() ? new Point(pin.x(), pin.y(), null) : null;
            return new CommentResponse(
                    comment.id(),
                    comment.styleId(),
                    comment.versionId(),
                    comment.authorId(),
                    comment.body(),
                    threeD,
                    image,
                    comment.resolved(),
                    comment.resolvedBy(),
                    comment.resolvedAt(),
                    comment.createdAt(),
                    comment.updatedAt(),
                    comment.colorwayId(),
                    comment.screenshotType() != null);
        }
    }

    record CommentPage(
            List<CommentResponse> items,

            @JsonInclude(JsonInclude.Include.ALWAYS) @Nullable
            String nextCursor) {}

    record NewApproval(@Nullable String status, @Nullable String note) {}

    record ApprovalResponse(UUID id, UUID styleId, String status, String note, UUID actorId, Instant createdAt) {
        static ApprovalResponse of(Approval approval) {
            return new ApprovalResponse(
                    approval.id(),
                    approval.styleId(),
                    approval.status().name(),
                    approval.note(),
                    approval.actorId(),
                    approval.createdAt());
        }
    }

    record NewLink(@Nullable Instant expiresAt, @Nullable String password, boolean allowDownload) {
        @Override
        public String toString() {
            return "NewLink[expiresAt=" + expiresAt + ", allowDownload=" + allowDownload + "]";
        }
    }

    record LinkCreatedResponse(UUID id, String url) {
        @Override
        public String toString() {
            return "LinkCreatedResponse[id=" + id + "]";
        }
    }

    record SearchResponse(List<StylesApi.StyleResponse> items) {}

    record NotificationsResponse(List<Notification> items, long unread) {}

    record ReadRequest(@Nullable List<UUID> ids) {}

    record NotificationsRead(int marked, long unread) {}
}
