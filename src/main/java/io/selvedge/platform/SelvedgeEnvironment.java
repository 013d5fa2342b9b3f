package io.selvedge.platform;

import java.util.Locale;

/** The environment a node runs as; every store is stamped with one and refuses the others. */
public enum SelvedgeEnvironment {
    DEVELOPMENT,
    TEST,
    STAGING,
    PRODUCTION;

    /** The lower-case name used in configuration, stamps and messages. */
    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static SelvedgeEnvironment fromId(String id) {
        return valueOf(id.trim().toUpperCase(Locale.ROOT));
    }

    public boolean isProduction() {
        return this == PRODUCTION;
    }
}
