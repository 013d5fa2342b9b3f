package io.selvedge.collab;

/** The picture of the view a comment was written on: a PNG or WebP image, as its author's browser drew it. */
public record CommentScreenshot(byte[] bytes, String contentType) {

    /**
     * The most bytes a screenshot may hold: in Base64, with its comment, it stays within the 1 MB that a JSON
     * or form body may have ({@code selvedge.http.max-body-size}).
     */
    public static final int MAX_BYTES = 512 * 1024;

    /** The longest side, in pixels, a screenshot may have. */
    public static final int MAX_SIDE = 4096;
}
