package io.selvedge.collab;

import io.selvedge.content.InvalidContentException;

/** A comment's screenshot that is no whole PNG or WebP image of an allowed size: 400, the detail says why. */
public class InvalidScreenshotException extends InvalidContentException {

    private static final long serialVersionUID = 1L;

    public InvalidScreenshotException(String detail) {
        super(detail);
    }
}
