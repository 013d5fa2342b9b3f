package io.selvedge.content;

import io.selvedge.platform.Refusal;

/** A file past the per-file limit or the group's quota: answered 413, and nothing of it is kept. */
public class ContentTooLargeException extends Refusal.TooLarge {

    private static final long serialVersionUID = 1L;

    public ContentTooLargeException(String message) {
        super(message);
    }
}
