package io.selvedge.collab.internal;

import io.selvedge.access.Authorization;
import io.selvedge.access.ResourceLocator;
import io.selvedge.access.ResourcePath;
import io.selvedge.storage.GroupDataPlanes;
import io.selvedge.storage.ResourceHome;
import io.selvedge.storage.ResourceHomes;
import io.selvedge.storage.ResourceKind;
import io.selvedge.storage.UnknownGroupException;
import java.util.Optional;
import java.util.UUID;
import lombok.RequiredArgsConstructor;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * A comment is decided as its style is, a share link as its style or workroom is: the path of a comment
 * or a link is the path of what it belongs to.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 200)
@RequiredArgsConstructor
class CollabLocator implements ResourceLocator {

    private final ResourceHomes homes;
    private final GroupDataPlanes planes;
    private final ObjectProvider<Authorization> authorization;
    private final CommentRepository comments;
    private final LinkRepository links;

    @Override
    public Optional<ResourcePath> locate(UUID id) {
        Optional<ResourceHome> home = homes.find(id)
                .filter(found -> found.kind() == ResourceKind.COMMENT || found.kind() == ResourceKind.LINK);
        if (home.isEmpty()) {
            return Optional.empty();
        }
        Optional<UUID> owner;
        try {
            JdbcClient jdbc = planes.of(home.get().groupId()).jdbc();
            owner = home.get().kind() == ResourceKind.COMMENT ? comments.styleOf(jdbc, id) : links.targetOf(jdbc, id);
        } catch (UnknownGroupException e) {
            return Optional.empty();
        }
        return owner.filter(ownerId -> !ownerId.equals(id))
                .flatMap(ownerId -> authorization.getObject().locate(ownerId));
    }
}
