package io.selvedge.collab;

import java.util.UUID;

/** A new link and its token, shown once: only the token's hash is kept. */
public record CreatedLink(UUID id, String token) {

    @Override
    public String toString() {
        return "CreatedLink[id=" + id + "]";
    }
}
