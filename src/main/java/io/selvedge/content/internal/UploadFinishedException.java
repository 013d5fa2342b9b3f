package io.selvedge.content.internal;

/** Another request completed the resumable upload first: its version is the upload's one version. */
class UploadFinishedException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    UploadFinishedException() {
        super("The upload was completed by another request");
    }
}
