package io.selvedge.audit.internal;

import io.selvedge.audit.AuditEntry;
import io.selvedge.audit.AuditFilter;
import io.selvedge.audit.AuditPage;
import io.selvedge.audit.AuditTrail;
import io.selvedge.platform.RequestIds;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.UUID;
import java.util.function.Predicate;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

/** Acting as an account in a request, and waiting for the outbox to deliver to the trail. */
final class AuditFixtures {

    static final String ADDRESS = "203.0.113.7";
    static final String USER_AGENT = "AuditTest/1.0 (marker browser)";

    private AuditFixtures() {}

    static UUID anAccount(JdbcTemplate global, String username) {
        UUID id = UUID.randomUUID();
        global.update(
                "insert into account (id, username, status, created_at) values (?, ?, 'ACTIVE', ?)",
                id,
                username,
                Timestamp.from(Instant.now()));
        return id;
    }

    /** From now on this thread acts as the account, in a request from {@link #ADDRESS}; returns its request id. */
    static String actAs(String username) {
        SecurityContextHolder.getContext()
                .setAuthentication(UsernamePasswordAuthenticationToken.authenticated(username, null, List.of()));
        MockHttpServletRequest request = new MockHttpServletRequest();
        request.setRemoteAddr(ADDRESS);
        request.addHeader("User-Agent", USER_AGENT);
        String requestId = RequestIds.newId();
        request.setAttribute(RequestIds.ATTRIBUTE, requestId);
        RequestContextHolder.setRequestAttributes(new ServletRequestAttributes(request));
        return requestId;
    }

    static void actAsNobody() {
        SecurityContextHolder.clearContext();
        RequestContextHolder.resetRequestAttributes();
    }

    /**
     * The trail's entries, oldest first, once one matches: the listener runs after the commit, on another
     * thread. Gives up after a minute (then the assertion that follows fails).
     */
    static List<AuditEntry> awaitEntry(AuditTrail trail, UUID group, Predicate<AuditEntry> wanted)
            throws InterruptedException {
        Instant giveUp = Instant.now().plus(Duration.ofMinutes(1));
        List<AuditEntry> entries = all(trail, group);
        while (entries.stream().noneMatch(wanted) && Instant.now().isBefore(giveUp)) {
            Thread.sleep(50);
            entries = all(trail, group);
        }
        return entries;
    }

    /** A stored entry with another action: what a forger who rewrites one field makes (its hash empty). */
    static StoredEntry withAction(StoredEntry entry, String action) {
        return new StoredEntry(
                entry.seq(),
                entry.occurredAt(),
                entry.actorKind(),
                entry.actorId(),
                entry.actorName(),
                entry.address(),
                entry.userAgent(),
                action,
                entry.targetKind(),
                entry.targetId(),
                entry.targetName(),
                entry.outcome(),
                entry.requestId(),
                entry.prevHash(),
                "");
    }

    /**
     * An entry of the system's, no names, succeeded, linked after {@code prevHash} and hashed as chain version 1
     * hashes: what a forger who inserts an entry makes.
     */
    static StoredEntry systemEntry(
            UUID group,
            long seq,
            Instant occurredAt,
            String action,
            String targetKind,
            String targetId,
            String prevHash) {
        StoredEntry entry = new StoredEntry(
                seq,
                occurredAt,
                "SYSTEM",
                null,
                null,
                null,
                null,
                action,
                targetKind,
                targetId,
                null,
                "SUCCEEDED",
                null,
                prevHash,
                "");
        return entry.withHash(entry.computedHash(group));
    }

    static List<AuditEntry> all(AuditTrail trail, UUID group) {
        List<AuditEntry> all = new ArrayList<>();
        String cursor = null;
        do {
            AuditPage page = trail.find(group, AuditFilter.all(), AuditTrail.LONGEST_PAGE, cursor);
            all.addAll(page.entries());
            cursor = page.nextCursor();
        } while (cursor != null);
        Collections.reverse(all);
        return all;
    }
}
