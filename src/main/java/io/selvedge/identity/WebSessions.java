package io.selvedge.identity;

import java.time.Instant;
import java.util.List;

/**
 * The web sessions of an account, for its owner: list them, end one, end all. A session is named by a
 * handle derived from its id; the id itself (the cookie's secret) never leaves the server.
 */
public interface WebSessions {

    /** The account's live sessions, newest first; {@code currentSessionId} (may be null) is marked. */
    List<WebSession> of(String username, String currentSessionId);

    /** Ends the session with this handle if it is the account's; false otherwise. */
    boolean end(String username, String handle);

    /** Ends every session of the account ("sign out everywhere"); returns how many. */
    int endAll(String username);

    record WebSession(String id, Instant signedInAt, Instant lastUsedAt, Instant expiresAt, boolean current) {}
}
