package io.selvedge.storage.internal;

/** A backup that cannot be taken or restored as asked; the message tells the operator why. */
final class BackupRefusedException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    BackupRefusedException(String message) {
        super(message);
    }
}
