package io.selvedge.content.internal;

import io.selvedge.access.Level;
import io.selvedge.access.ResourceLocator;
import io.selvedge.access.ResourcePath;
import io.selvedge.storage.GroupDataPlanes;
import io.selvedge.storage.ResourceHome;
import io.selvedge.storage.ResourceHomes;
import io.selvedge.storage.UnknownGroupException;
import io.selvedge.tenancy.NodeLocation;
import io.selvedge.tenancy.Tree;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import lombok.RequiredArgsConstructor;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Places styles in their group's tree for the decision point: a style's parent is its workroom. A
 * version and a resumable upload are decided as their style is (the path of the style: what may be done
 * to a version is what may be done to its style), so {@code /versions/{id}} handlers state the style's
 * actions ({@code DOWNLOAD}, {@code VIEW}...) on the version's id.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 100)
@RequiredArgsConstructor
class StyleLocator implements ResourceLocator {

    private final ResourceHomes homes;
    private final GroupDataPlanes planes;
    private final Tree tree;
    private final StyleRepository styles;
    private final VersionRepository versions;
    private final UploadRepository uploads;

    @Override
    public Optional<ResourcePath> locate(UUID id) {
        Optional<ResourceHome> home = homes.find(id);
        if (home.isEmpty()) {
            return Optional.empty();
        }
        UUID groupId = home.get().groupId();
        JdbcClient jdbc;
        try {
            jdbc = planes.of(groupId).jdbc();
        } catch (UnknownGroupException e) {
            return Optional.empty();
        }
        UUID styleId = switch (home.get().kind()) {
            case STYLE -> id;
            case VERSION -> versions.styleOf(jdbc, id).orElse(null);
            case UPLOAD -> uploads.styleOf(jdbc, id).orElse(null);
            default -> null; // another module's resource: its own locator finds it
        };
        if (styleId == null) {
            return Optional.empty();
        }
        Optional<StyleRepository.Spot> style = styles.spot(jdbc, styleId);
        if (style.isEmpty()) {
            return Optional.empty();
        }
        return tree.locate(style.get().workroomId())
                .filter(location -> location.groupId().equals(groupId))
                .map(location ->
                        path(location).child(styleId, Level.STYLE, style.get().deleted()));
    }

    private static ResourcePath path(NodeLocation location) {
        List<ResourcePath.Step> steps = new ArrayList<>(location.path().size() + 2);
        steps.add(new ResourcePath.Step(location.groupId(), Level.GROUP, false));
        for (NodeLocation.Step step : location.path()) {
            Level level = switch (step.kind()) {
                case COMPANY -> Level.COMPANY;
                case BRAND -> Level.BRAND;
                case SEASON -> Level.SEASON;
                case WORKROOM -> Level.WORKROOM;
            };
            steps.add(new ResourcePath.Step(step.id(), level, step.deleted()));
        }
        return new ResourcePath(location.groupId(), steps);
    }
}
