package io.selvedge.crypto;

import java.util.UUID;

/** The group's keys were destroyed (crypto-shredding), or its key in the KMS is gone: nothing decrypts. */
public class KeysDestroyedException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public KeysDestroyedException(UUID groupId) {
        super("The keys of group " + groupId + " were destroyed");
    }
}
