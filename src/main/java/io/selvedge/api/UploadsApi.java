package io.selvedge.api;

import io.selvedge.access.Action;
import io.selvedge.access.Authorization;
import io.selvedge.access.Requires;
import io.selvedge.content.ContentProperties;
import io.selvedge.content.InvalidContentException;
import io.selvedge.content.Uploads;
import io.selvedge.identity.Callers;
import io.selvedge.platform.AnyCaller;
import io.selvedge.platform.Problems;
import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Base64;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import lombok.RequiredArgsConstructor;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.bind.annotation.RestController;

/**
 * Resumable uploads, the tus 1.0 protocol: core, creation, termination and expiration at
 * {@code /api/v1/uploads}. {@code Upload-Metadata} names the target style ({@code styleId}) and the
 * file ({@code filename}); the finished upload becomes a version of that style, whose id the last
 * {@code PATCH} (and any later {@code HEAD}) answers in {@code Selvedge-Version-Id}.
 */
@RestController
@RequiredArgsConstructor
class UploadsApi {

    static final String TUS_VERSION = "1.0.0";
    static final String PATH = "/api/v1/uploads";
    private static final String OFFSET = "Upload-Offset";
    private static final String LENGTH = "Upload-Length";
    private static final String EXPIRES = "Upload-Expires";
    private static final String RESUMABLE = "Tus-Resumable";
    private static final String VERSION_ID = "Selvedge-Version-Id";

    private final Uploads uploads;
    private final Authorization authorization;
    private final Callers callers;
    private final ContentProperties properties;

    @RequestMapping(path = PATH, method = RequestMethod.OPTIONS)
    @AnyCaller("describes the server's tus support; touches no resource")
    ResponseEntity<Void> options() {
        return ResponseEntity.noContent()
                .header(RESUMABLE, TUS_VERSION)
                .header("Tus-Version", TUS_VERSION)
                .header("Tus-Extension", "creation,termination,expiration")
                .header("Tus-Max-Size", Long.toString(properties.maxFileSize().toBytes()))
                .build();
    }

    @PostMapping(PATH)
    @AnyCaller("the target style is in Upload-Metadata, not the path: UPLOAD on it is required in the handler")
    ResponseEntity<?> create(
            @RequestHeader(name = RESUMABLE, required = false) @Nullable String resumable,
            @RequestHeader(name = LENGTH, required = false) @Nullable String length,
            @RequestHeader(name = "Upload-Metadata", required = false) @Nullable String metadata,
            HttpServletRequest request) {
        ResponseEntity<ProblemDetail> refused = unsupported(resumable, request);
        if (refused != null) {
            return refused;
        }
        Map<String, String> meta = metadata(metadata);
        UUID styleId;
        try {
            styleId = UUID.fromString(meta.getOrDefault("styleId", ""));
        } catch (IllegalArgumentException e) {
            throw new InvalidContentException("Upload-Metadata must name the target style: styleId.");
        }
        authorization.require(Action.UPLOAD, styleId);
        Uploads.Upload upload =
                uploads.create(styleId, number(length, LENGTH), meta.get("filename"), meta.get("filetype"), caller());
        return ResponseEntity.created(URI.create(PATH + "/" + upload.id()))
                .header(RESUMABLE, TUS_VERSION)
                .header(EXPIRES, expires(upload))
                .build();
    }

    @RequestMapping(path = PATH + "/{id}", method = RequestMethod.HEAD)
    @Requires(value = Action.UPLOAD, target = "id")
    ResponseEntity<?> head(
            @PathVariable UUID id,
            @RequestHeader(name = RESUMABLE, required = false) @Nullable String resumable,
            HttpServletRequest request) {
        ResponseEntity<ProblemDetail> refused = unsupported(resumable, request);
        if (refused != null) {
            return refused;
        }
        return state(HttpStatus.OK, uploads.get(id, caller()));
    }

    @PatchMapping(PATH + "/{id}")
    @Requires(value = Action.UPLOAD, target = "id")
    ResponseEntity<?> append(
            @PathVariable UUID id,
            @RequestHeader(name = RESUMABLE, required = false) @Nullable String resumable,
            @RequestHeader(name = OFFSET, required = false) @Nullable String offset,
            HttpServletRequest request)
            throws IOException {
        ResponseEntity<ProblemDetail> refused = unsupported(resumable, request);
        if (refused != null) {
            return refused;
        }
        if (!"application/offset+octet-stream".equalsIgnoreCase(request.getContentType())) {
            return refusal(
                    request,
                    HttpStatus.UNSUPPORTED_MEDIA_TYPE,
                    "A PATCH of an upload carries Content-Type: application/offset+octet-stream.",
                    RESUMABLE);
        }
        Uploads.Upload upload = uploads.append(id, number(offset, OFFSET), request.getInputStream(), caller());
        return state(HttpStatus.NO_CONTENT, upload);
    }

    @DeleteMapping(PATH + "/{id}")
    @Requires(value = Action.UPLOAD, target = "id")
    ResponseEntity<?> terminate(
            @PathVariable UUID id,
            @RequestHeader(name = RESUMABLE, required = false) @Nullable String resumable,
            HttpServletRequest request)
            throws IOException {
        ResponseEntity<ProblemDetail> refused = unsupported(resumable, request);
        if (refused != null) {
            return refused;
        }
        uploads.terminate(id, caller());
        return ResponseEntity.noContent().header(RESUMABLE, TUS_VERSION).build();
    }

    private static ResponseEntity<Void> state(HttpStatus status, Uploads.Upload upload) {
        ResponseEntity.BodyBuilder response = ResponseEntity.status(status)
                .header(RESUMABLE, TUS_VERSION)
                .header(OFFSET, Long.toString(upload.offset()))
                .header(LENGTH, Long.toString(upload.length()))
                .header(HttpHeaders.CACHE_CONTROL, "no-store");
        if (upload.versionId() != null) {
            response.header(VERSION_ID, upload.versionId().toString());
        } else {
            response.header(EXPIRES, expires(upload));
        }
        return response.build();
    }

    /** 412 for a client of another protocol version (tus: every request but OPTIONS names it). */
    @Nullable
    private static ResponseEntity<ProblemDetail> unsupported(@Nullable String resumable, HttpServletRequest request) {
        if (TUS_VERSION.equals(resumable)) {
            return null;
        }
        return refusal(
                request,
                HttpStatus.PRECONDITION_FAILED,
                "This server speaks tus " + TUS_VERSION + ": send Tus-Resumable: " + TUS_VERSION + ".",
                "Tus-Version");
    }

    /** A refusal of the protocol, as a problem document that still names the tus version (in {@code header}). */
    private static ResponseEntity<ProblemDetail> refusal(
            HttpServletRequest request, HttpStatus status, String detail, String header) {
        return ResponseEntity.status(status)
                .header(header, TUS_VERSION)
                .contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .body(Problems.of(request, status, detail));
    }

    /** {@code Upload-Length} and {@code Upload-Offset}: ASCII digits that fit a long, else 400. */
    static long number(@Nullable String value, String header) {
        if (value != null && value.length() <= 19 && value.matches("[0-9]+")) {
            try {
                return Long.parseLong(value);
            } catch (NumberFormatException pastLongMax) {
                // 19 digits that pass 9223372036854775807: refused below
            }
        }
        throw new InvalidContentException(header + " must be a whole number from 0 to " + Long.MAX_VALUE + ".");
    }

    /** {@code key base64, key base64, key}: the values decoded as UTF-8. */
    static Map<String, String> metadata(@Nullable String header) {
        Map<String, String> values = new HashMap<>();
        if (header == null || header.isBlank()) {
            return values;
        }
        if (header.length() > 4096) {
            throw new InvalidContentException("Upload-Metadata is too long.");
        }
        for (String pair : header.split(",")) {
            String[] parts = pair.strip().split(" ", 2);
            try {
                String value = parts.length < 2
                        ? ""
                        : new String(Base64.getDecoder().decode(parts[1].strip()), StandardCharsets.UTF_8);
                values.put(parts[0], value);
            } catch (IllegalArgumentException e) {
                throw new InvalidContentException("Upload-Metadata values are Base64.");
            }
        }
        return values;
    }

    private static String expires(Uploads.Upload upload) {
        return DateTimeFormatter.RFC_1123_DATE_TIME.format(upload.expiresAt().atOffset(ZoneOffset.UTC));
    }

    private UUID caller() {
        return callers.current().orElseThrow().accountId();
    }
}
