package io.selvedge.access;

/**
 * The levels of a group's tree on which roles are granted and actions are decided, top down. Styles are
 * the content module's; access knows them only as a level below a workroom.
 */
public enum Level {
    GROUP,
    COMPANY,
    BRAND,
    SEASON,
    WORKROOM,
    STYLE;

    /** The lower-case noun used in documents and audit targets. */
    public String noun() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
