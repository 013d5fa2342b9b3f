package io.selvedge.identity.internal;

import io.selvedge.identity.IdentityProperties;
import io.selvedge.identity.WebSessions;
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

    // Absent when an operator command runs without a web server; only the web surfaces call this service.
    private final ObjectProvider<FindByIndexNameSessionRepository<? extends Session>> repository;
    private final IdentityProperties.Sessions settings;

    SpringWebSessions(
            ObjectProvider<FindByIndexNameSessionRepository<? extends Session>> repository,
            IdentityProperties properties) {
        this.repository = repository;
        this.settings = properties.sessions();
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
                return true;
            }
        }
        return false;
    }

    @Override
    public int endAll(String username) {
        Map<String, ? extends Session> all = sessionsOf(username);
        all.keySet().forEach(repository.getObject()::deleteById);
        return all.size();
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
