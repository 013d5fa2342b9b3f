package io.selvedge.web.admin;

import io.selvedge.audit.AuditFilter;
import io.selvedge.identity.AccountDirectory;
import io.selvedge.identity.AccountSummary;
import io.selvedge.platform.AuditOutcome;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * The audit page's filters as typed: the actor by username or id, times in UTC as the browser's
 * {@code datetime-local} sends them. Blank means any.
 */
record AuditFilterForm(
        String actor, String action, String targetKind, String target, String outcome, String from, String to) {

    AuditFilterForm {
        actor = blankIfNull(actor);
        action = blankIfNull(action);
        targetKind = blankIfNull(targetKind);
        target = blankIfNull(target);
        outcome = blankIfNull(outcome);
        from = blankIfNull(from);
        to = blankIfNull(to);
    }

    /**
     * The filter this asks for.
     *
     * @throws IllegalArgumentException naming the field that is not valid (its message key)
     */
    AuditFilter filter(AccountDirectory directory) {
        return new AuditFilter(
                actorId(directory),
                orNull(action),
                orNull(targetKind),
                orNull(target),
                outcome.isBlank() ? null : outcomeOf(outcome),
                instant(from, "admin.audit.badFrom"),
                instant(to, "admin.audit.badTo"));
    }

    /** The same filter as the API's query string, for the export links (the actor as an id). */
    String query(AccountDirectory directory) {
        AuditFilter filter = filter(directory);
        UriComponentsBuilder query = UriComponentsBuilder.newInstance();
        add(query, "actor", filter.actorId());
        add(query, "action", filter.action());
        add(query, "targetKind", filter.targetKind());
        add(query, "target", filter.targetId());
        add(
                query,
                "outcome",
                filter.outcome() == null ? null : filter.outcome().name().toLowerCase(Locale.ROOT));
        add(query, "from", filter.from() == null ? null : filter.from().toString());
        add(query, "to", filter.to() == null ? null : filter.to().toString());
        return query.build().encode().getQuery();
    }

    @Nullable
    private String actorId(AccountDirectory directory) {
        if (actor.isBlank()) {
            return null;
        }
        try {
            return UUID.fromString(actor.strip()).toString();
        } catch (IllegalArgumentException notAnId) {
            return directory
                    .accountWithUsername(actor.strip())
                    .map(AccountSummary::id)
                    .map(UUID::toString)
                    .orElseThrow(() -> new IllegalArgumentException("admin.audit.badActor"));
        }
    }

    private static AuditOutcome outcomeOf(String text) {
        try {
            return AuditOutcome.valueOf(text.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("admin.audit.badOutcome");
        }
    }

    @Nullable
    private static Instant instant(String text, String problem) {
        if (text.isBlank()) {
            return null;
        }
        try {
            return LocalDateTime.parse(text.strip()).toInstant(ZoneOffset.UTC);
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException(problem);
        }
    }

    private static void add(UriComponentsBuilder query, String name, @Nullable String value) {
        if (value != null) {
            query.queryParam(name, value);
        }
    }

    @Nullable
    private static String orNull(String text) {
        return text.isBlank() ? null : text.strip();
    }

    private static String blankIfNull(@Nullable String text) {
        return text == null ? "" : text;
    }
}
