package io.selvedge.content;

import java.util.UUID;

/**
 * Names of files that other modules keep for a style in the group's blob store (a comment's screenshot).
 * Every such name starts with the style's prefix, so the files go with the style's own when it is purged:
 * its rows go by cascade, and nobody else would know the files were there.
 */
public final class StyleAttachments {

    private StyleAttachments() {}

    /** What the name of every file attached to the style starts with. */
    public static String prefixOf(UUID styleId) {
        return "a-" + styleId + "-";
    }

    /** The file a module attaches to the style: one name per attempt, so a retry never overwrites. */
    public static String fileId(UUID styleId, String kind, UUID ownerId) {
        return prefixOf(styleId) + kind + "-" + ownerId + "-"
                + UUID.randomUUID().toString().substring(0, 8);
    }
}
