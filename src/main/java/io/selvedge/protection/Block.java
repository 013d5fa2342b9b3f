package io.selvedge.protection;

import java.time.Instant;

/**
 * A client refused until {@code until}: a client address or an API token ({@code kind}). {@code id} names it in
 * the staff page and API ({@code address:203.0.113.9}, or {@code token:} and the token's hash: a token is never
 * kept as itself). {@code level} is the step of the escalation it reached (1: the shortest); {@code reason} what
 * triggered it, or the staff member's words.
 */
public record Block(String id, Kind kind, String subject, int level, String reason, Instant since, Instant until) {

    public enum Kind {
        ADDRESS,
        TOKEN
    }
}
