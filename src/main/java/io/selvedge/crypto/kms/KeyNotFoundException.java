package io.selvedge.crypto.kms;

import java.security.GeneralSecurityException;

/** The named key does not exist in the key-management service, or was destroyed. */
public class KeyNotFoundException extends GeneralSecurityException {

    private static final long serialVersionUID = 1L;

    private final String name;

    public KeyNotFoundException(String name, String where) {
        super("No key " + name + " in " + where);
        this.name = name;
    }

    /** The name of the key that is missing. */
    public String name() {
        return name;
    }
}
