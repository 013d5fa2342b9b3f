package io.selvedge.collab;

import java.util.UUID;

/** What a valid link opens: a style or a workroom of a group, and whether it allows downloads. */
public record OpenedLink(UUID linkId, UUID groupId, UUID targetId, String targetKind, boolean allowDownload) {}
