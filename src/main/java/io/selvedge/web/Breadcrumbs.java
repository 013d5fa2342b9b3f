package io.selvedge.web;

import io.selvedge.access.Authorization;
import io.selvedge.access.Level;
import io.selvedge.access.ResourcePath;
import io.selvedge.content.NoSuchContentException;
import io.selvedge.content.Styles;
import io.selvedge.tenancy.Groups;
import io.selvedge.tenancy.NoSuchNodeException;
import io.selvedge.tenancy.NodeKind;
import io.selvedge.tenancy.Tree;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import lombok.AccessLevel;
import lombok.RequiredArgsConstructor;
import org.springframework.stereotype.Component;

/**
 * The breadcrumbs of a page about a group, a node of its tree or a style: group › company › brand ›
 * season › workroom › style, names decrypted. A step the caller may not see (a viewer shared on one
 * workroom does not see its season) and a deleted step are left out, so a crumb never names what the
 * caller could not open.
 */
@Component
@RequiredArgsConstructor(access = AccessLevel.PACKAGE)
public class Breadcrumbs {

    private final Authorization authorization;
    private final Groups groups;
    private final Tree tree;
    private final Styles styles;

    /** The crumbs down to an id, the id's own last; empty for an id the caller may not see at all. */
    public List<Crumb> of(UUID id) {
        Optional<ResourcePath> path = authorization.locate(id);
        if (path.isEmpty() || authorization.allowed(id).isEmpty()) {
            return List.of();
        }
        List<Crumb> crumbs = new ArrayList<>();
        for (ResourcePath.Step step : path.get().steps()) {
            if (step.deleted() || authorization.allowed(step.id()).isEmpty()) {
                continue;
            }
            crumbOf(step).ifPresent(crumbs::add);
        }
        return List.copyOf(crumbs);
    }

    /** Where a page about a node of that level lives. */
    public static String href(Level level, UUID id) {
        return switch (level) {
            case GROUP -> "/?group=" + id;
            case COMPANY -> "/companies/" + id;
            case BRAND -> "/brands/" + id;
            case SEASON -> "/seasons/" + id;
            case WORKROOM -> "/workrooms/" + id;
            case STYLE -> "/styles/" + id;
        };
    }

    private Optional<Crumb> crumbOf(ResourcePath.Step step) {
        try {
            String name = switch (step.level()) {
                case GROUP -> groups.get(step.id()).name();
                case STYLE -> styles.get(step.id()).name();
                default ->
                    tree.get(NodeKind.valueOf(step.level().name()), step.id()).name();
            };
            return Optional.of(new Crumb(name, href(step.level(), step.id())));
        } catch (NoSuchNodeException | NoSuchContentException e) {
            return Optional.empty(); // deleted between locating and naming it
        }
    }
}
