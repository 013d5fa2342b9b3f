package io.selvedge.content;

import io.selvedge.platform.Refusal;

/** An image that is well formed but not what it claims to be (its size, its number of frames): 422. */
public class UnusableImageException extends Refusal.Unprocessable {

    private static final long serialVersionUID = 1L;

    public UnusableImageException(String detail) {
        super(detail);
    }
}
