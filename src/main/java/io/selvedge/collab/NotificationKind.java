package io.selvedge.collab;

/** What a notification is about; each person chooses which kinds also come by e-mail. */
public enum NotificationKind {
    MENTION,
    NEW_VERSION,
    APPROVAL,
    SHARE
}
