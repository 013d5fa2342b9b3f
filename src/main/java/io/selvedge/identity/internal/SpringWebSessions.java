package io.selvedge.identity.internal;

import io.selvedge.identity.IdentityProperties;
import io.selvedge.identity.SessionEnded;
import io.selvedge.identity.WebSessions;
import io.selvedge.platform.RequestOrigin;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.session.FindByIndexNameSessionRepository;
import org.springframework.session.Session;
import org.springframework.stereotype.Service;

/**
 * The web sessions kept by Spring Session in the global store, found by their principal's name. A
 * session is shown by a handle (half a SHA-256 of its id), so listing sessions reveals no cookie.
 */
@Service
class SpringWebSessions implements WebSessions {

    static final String SIGNED_OUT = "signed-out";
    static final String ENDED_BY_OWNER = "ended-by-owner";
    static final String TIMED_OUT = "timed-out";
    static final String MFA_RESET = "mfa-reset";
    static final String ENDED_BY_ADMIN = "ended-by-admin";

    // Absent when an operator command runs without a web server; only the web surfaces call this service.
    private final ObjectProvider<FindByIndexNameSessionRepository<? extends Session>> repository;
    private final IdentityProperties.Sessions settings;
    private final Accounts accounts;
    private final IdentityEvents events;

    SpringWebSessions(
            ObjectProvider<FindByIndexNameSessionRepository<? extends Session>> repository,
            IdentityProperties properties,
            Accounts accounts,
            IdentityEvents events) {
        this.repository = repository;
        this.settings = properties.sessions();
        this.accounts = accounts;
        this.events = events;
    }

    @Override
    public List<WebSession> of(String username, String currentSessionId) {
        return sessionsOf(username).values().stream()
                .filter(session -> !session.isExpired())
                .map(session -> new WebSession(
                        handleOf(session.getId()),
                        session.getCreationTime(),
                        session.getLastAccessedTime(),
                        expiryOf(session),
                        session.getId().equals(currentSessionId)))
                .sorted(Comparator.comparing(WebSession::signedInAt).reversed())
                .toList();
    }

    @Override
    public boolean end(String username, String handle) {
        for (String id : sessionsOf(username).keySet()) {
            if (MessageDigest.isEqual(
                    handleOf(id).getBytes(StandardCharsets.US_ASCII),
                    String.valueOf(handle).getBytes(StandardCharsets.US_ASCII))) {
                repository.getObject().deleteById(id);
                ended(username, id, ENDED_BY_OWNER);
                return true;
            }
        }
        return false;
    }

    @Override
    public int endAll(String username) {
        return endAll(username, ENDED_BY_OWNER);
    }

    /** Ends every session of the account, saying {@code how} in the {@link SessionEnded} events. */
    int endAll(String username, String how) {
        FindByIndexNameSessionRepository<? extends Session> sessions = repository.getIfAvailable();
        if (sessions == null) {
            return 0;
        }
        Map<String, ? extends Session> all = sessions.findByPrincipalName(username);
        for (String id : all.keySet()) {
            sessions.deleteById(id);
            ended(username, id, how);
        }
        return all.size();
    }

    /** Publishes that a session of the account ended. */
    void ended(String username, String sessionId, String how) {
        accounts.findByUsername(username)
                .ifPresent(account -> events.publish(
                        new SessionEnded(account.id(), handleOf(sessionId), how, RequestOrigin.current())));
    }

    private Map<String, ? extends Session> sessionsOf(String username) {
        return repository.getObject().findByPrincipalName(username);
    }

    private Instant expiryOf(Session session) {
        Instant idle = session.getLastAccessedTime().plus(session.getMaxInactiveInterval());
        Instant absolute = session.getCreationTime().plus(settings.absoluteTimeout());
        return idle.isBefore(absolute) ? idle : absolute;
    }

    static String handleOf(String sessionId) {
        byte[] digest = ApiTokenSecrets.sha256("session:" + sessionId);
        return HexFormat.of().formatHex(digest, 0, 16);
    }
}
