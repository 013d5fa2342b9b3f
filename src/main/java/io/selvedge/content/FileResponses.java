package io.selvedge.content;

import io.selvedge.platform.Transfers;
import jakarta.servlet.ServletOutputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.channels.SeekableByteChannel;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpRange;

/**
 * Serves a stored file: a strong {@code ETag} from its SHA-256, {@code If-None-Match} (304), a single
 * {@code Range} (206; 416 past the end; several ranges or a stale {@code If-Range} get the whole file),
 * {@code Content-Disposition} with the name safely encoded (RFC 6266 / 5987), the type chosen from the
 * extension, and {@code Cache-Control: private, no-store}.
 */
public final class FileResponses {

    private FileResponses() {}

    /** The range asked for, resolved against the size; null for the whole file. */
    public record Span(long start, long end) {
        public long length() {
            return end - start + 1;
        }
    }

    public static String etag(Version version) {
        return "\"" + version.sha256() + "\"";
    }

    /** Whether the client already has it ({@code If-None-Match}); answers 304 if so. */
    public static boolean notModified(HttpServletRequest request, HttpServletResponse response, Version version) {
        String ifNoneMatch = request.getHeader(HttpHeaders.IF_NONE_MATCH);
        if (ifNoneMatch == null) {
            return false;
        }
        String etag = etag(version);
        for (String candidate : ifNoneMatch.split(",")) {
            String tag = candidate.strip();
            if (tag.startsWith("W/")) {
                tag = tag.substring(2);
            }
            if (tag.equals("*") || tag.equals(etag)) {
                response.setStatus(HttpServletResponse.SC_NOT_MODIFIED);
                response.setHeader(HttpHeaders.ETAG, etag);
                response.setHeader(HttpHeaders.CACHE_CONTROL, "private, no-store");
                return true;
            }
        }
        return false;
    }

    /**
     * The single range to serve, or null for the whole file.
     *
     * @throws RangeNotSatisfiable if the range starts past the end
     */
    @Nullable
    public static Span range(HttpServletRequest request, Version version) {
        String header = request.getHeader(HttpHeaders.RANGE);
        if (header == null || version.size() == 0) {
            return null;
        }
        String ifRange = request.getHeader(HttpHeaders.IF_RANGE);
        if (ifRange != null && !ifRange.strip().equals(etag(version))) {
            return null;
        }
        List<HttpRange> ranges;
        try {
            ranges = HttpRange.parseRanges(header);
        } catch (IllegalArgumentException e) {
            return null; // a Range header we do not understand is ignored (RFC 9110 14.2)
        }
        if (ranges.size() != 1) {
            return null;
        }
        HttpRange range = ranges.get(0);
        long size = version.size();
        try {
            long start = range.getRangeStart(size);
            long end = range.getRangeEnd(size);
            if (start >= size || start > end) {
                throw new RangeNotSatisfiable();
            }
            return new Span(start, end);
        } catch (IllegalArgumentException e) {
            throw new RangeNotSatisfiable();
        }
    }

    /**
     * Writes the headers, then the bytes of the span (or all), decrypting ahead on a transfer thread while
     * the request's thread encrypts for TLS and writes to the socket.
     */
    public static void send(
            Transfers transfers,
            HttpServletResponse response,
            VersionContent content,
            @Nullable Span span,
            String disposition)
            throws IOException {
        Version version = content.version();
        response.setHeader(HttpHeaders.ETAG, etag(version));
        response.setHeader(HttpHeaders.CACHE_CONTROL, "private, no-store");
        response.setHeader(HttpHeaders.ACCEPT_RANGES, "bytes");
        response.setHeader(HttpHeaders.CONTENT_DISPOSITION, disposition(disposition, version.filename()));
        response.setContentType(version.contentType());
        long start = 0;
        long length = version.size();
        if (span != null) {
            response.setStatus(HttpServletResponse.SC_PARTIAL_CONTENT);
            response.setHeader(
                    HttpHeaders.CONTENT_RANGE, "bytes " + span.start() + "-" + span.end() + "/" + version.size());
            start = span.start();
            length = span.length();
        } else {
            response.setStatus(HttpServletResponse.SC_OK);
        }
        response.setContentLengthLong(length);
        SeekableByteChannel plaintext = content.channel();
        if (start > 0) {
            plaintext.position(start);
        }
        ServletOutputStream out = response.getOutputStream();
        transfers.readAhead(plaintext, length, out);
        out.flush();
    }

    /** Opens a version's plaintext; {@code range} is the part that will be sent, null for the whole file. */
    @FunctionalInterface
    public interface Opening {
        VersionContent open(@Nullable Span range) throws IOException;
    }

    /**
     * Sends the range asked for (or the whole file) of what {@code opening} opens, or answers 416 without
     * opening anything when the range starts past the end.
     */
    public static void serve(
            Transfers transfers,
            HttpServletRequest request,
            HttpServletResponse response,
            Version version,
            String disposition,
            Opening opening)
            throws IOException {
        Span span;
        try {
            span = range(request, version);
        } catch (RangeNotSatisfiable e) {
            notSatisfiable(response, version);
            return;
        }
        try (VersionContent content = opening.open(span)) {
            send(transfers, response, content, span, disposition);
        }
    }

    /** 416 for a range that starts past the end. */
    public static void notSatisfiable(HttpServletResponse response, Version version) {
        response.setStatus(HttpServletResponse.SC_REQUESTED_RANGE_NOT_SATISFIABLE);
        response.setHeader(HttpHeaders.CONTENT_RANGE, "bytes */" + version.size());
        response.setHeader(HttpHeaders.CACHE_CONTROL, "private, no-store");
    }

    /**
     * {@code attachment} (or {@code inline}) with an ASCII fallback name (anything else, quotes and
     * backslashes made {@code _}) and the exact name as {@code filename*} in UTF-8, percent-encoded.
     */
    public static String disposition(String type, String filename) {
        StringBuilder ascii = new StringBuilder(filename.length());
        for (int i = 0; i < filename.length(); i++) {
            char c = filename.charAt(i);
            ascii.append(c >= 0x20 && c < 0x7F && c != '"' && c != '\\' && c != '%' ? c : '_');
        }
        StringBuilder encoded = new StringBuilder();
        for (byte b : filename.getBytes(StandardCharsets.UTF_8)) {
            int c = b & 0xFF;
            if (c < 0x80 && (Character.isLetterOrDigit(c) || "!#$&+-.^_`|~".indexOf(c) >= 0)) {
                encoded.append((char) c);
            } else {
                encoded.append('%').append(String.format("%02X", c));
            }
        }
        return type + "; filename=\"" + ascii + "\"; filename*=UTF-8''" + encoded;
    }

    /** A Range that starts past the end of the file. */
    public static final class RangeNotSatisfiable extends RuntimeException {
        private static final long serialVersionUID = 1L;
    }
}
