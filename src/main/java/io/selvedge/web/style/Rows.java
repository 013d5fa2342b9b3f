package io.selvedge.web.style;

import io.selvedge.access.Grant;
import io.selvedge.collab.Approval;
import io.selvedge.collab.Comment;
import io.selvedge.collab.Pin;
import io.selvedge.collab.ShareLink;
import io.selvedge.content.Version;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/** What the style page shows of each thing: text ready for the template, nothing decided there. */
final class Rows {

    private Rows() {}

    record VersionRow(
            UUID id,
            int number,
            String filename,
            String size,
            String sha256,
            String shaShort,
            String by,
            String at,
            boolean previewable,
            boolean thumbnail,
            String format) {

        static VersionRow of(Version version, Map<UUID, String> names) {
            String name = version.filename().toLowerCase(java.util.Locale.ROOT);
            return new VersionRow(
                    version.id(),
                    version.number(),
                    version.filename(),
                    Shown.size(version.size()),
                    version.sha256(),
                    version.sha256().substring(0, Math.min(12, version.sha256().length())),
                    names.get(version.createdBy()),
                    Shown.time(version.createdAt()),
                    version.previewable(),
                    version.thumbnailType() != null,
                    name.endsWith(".obj") ? "obj" : "gltf");
        }
    }

    /**
     * A comment; {@code pinned} when it has a 3D pin, {@code own} when the caller wrote it, {@code deletable}
     * when the caller may delete it (their own, or anyone's with the right).
     */
    record CommentRow(
            UUID id,
            int number,
            String author,
            String at,
            String body,
            boolean resolved,
            boolean own,
            boolean deletable,
            boolean pinned,
            @Nullable Double x,
            @Nullable Double y,
            @Nullable Double z,
            @Nullable UUID versionId,
            @Nullable UUID colorwayId,
            boolean screenshot) {

        static CommentRow of(Comment comment, int number, Map<UUID, String> names, UUID caller, boolean deleteAny) {
            Pin pin = comment.pin();
            boolean pinned = pin != null && !pin.image();
            boolean own = comment.authorId().equals(caller);
            return new CommentRow(
                    comment.id(),
                    number,
                    names.get(comment.authorId()),
                    Shown.time(comment.createdAt()),
                    comment.body(),
                    comment.resolved(),
                    own,
                    own || deleteAny,
                    pinned,
                    pinned ? pin.x() : null,
                    pinned ? pin.y() : null,
                    pinned ? pin.z() : null,
                    comment.versionId(),
                    comment.colorwayId(),
                    comment.screenshotType() != null);
        }
    }

    record ApprovalRow(String status, String note, String by, String at) {
        static ApprovalRow of(Approval approval, Map<UUID, String> names) {
            return new ApprovalRow(
                    approval.status().name(),
                    approval.note() == null ? "" : approval.note(),
                    names.get(approval.actorId()),
                    Shown.time(approval.createdAt()));
        }
    }

    record ShareRow(UUID accountId, String name, String role, boolean allowDownload, boolean allowUpload) {
        static ShareRow of(Grant grant, Map<UUID, String> names) {
            return new ShareRow(
                    grant.accountId(),
                    names.get(grant.accountId()),
                    grant.role().name(),
                    grant.allowDownload(),
                    grant.allowUpload());
        }
    }

    record LinkRow(UUID id, String expires, boolean passwordProtected, boolean allowDownload) {
        static LinkRow of(ShareLink link) {
            return new LinkRow(link.id(), Shown.time(link.expiresAt()), link.passwordProtected(), link.allowDownload());
        }
    }
}
