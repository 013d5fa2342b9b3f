package io.selvedge.access;

import java.util.EnumSet;
import java.util.Set;

/**
 * The roles of a group's members, as CLO-SET's customers know them. A role is granted on one node of the
 * tree and holds for everything below it. Editor and viewer are granted by share, on a workroom (and on
 * a style, which the content module adds).
 */
public enum Role {
    GROUP_ADMIN("GA", Level.GROUP),
    GROUP_OPERATOR("GO", Level.GROUP),
    COMPANY_ADMIN("CA", Level.COMPANY),
    COMPANY_COLLABORATOR("CC", Level.COMPANY),
    BRAND_ADMIN("BA", Level.BRAND),
    BRAND_COLLABORATOR("BC", Level.BRAND),
    EDITOR("ED", Level.WORKROOM, Level.STYLE),
    VIEWER("VW", Level.WORKROOM, Level.STYLE);

    private final String abbreviation;
    private final Set<Level> grantedOn;

    Role(String abbreviation, Level first, Level... more) {
        this.abbreviation = abbreviation;
        this.grantedOn = EnumSet.of(first, more);
    }

    /** The levels of the tree this role is granted on. */
    public Set<Level> grantedOn() {
        return EnumSet.copyOf(grantedOn);
    }

    public boolean grantableOn(Level level) {
        return grantedOn.contains(level);
    }

    /** Editor and viewer come by share; the others are member roles. */
    public boolean byShare() {
        return this == EDITOR || this == VIEWER;
    }

    /** The short form of the documentation's table. */
    public String abbreviation() {
        return abbreviation;
    }
}
