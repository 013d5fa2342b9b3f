package io.selvedge.content.internal;

import io.selvedge.access.Action;
import io.selvedge.access.Authorization;
import io.selvedge.access.Grants;
import io.selvedge.content.ContentProperties;
import io.selvedge.content.ContentRefusedException;
import io.selvedge.content.NoSuchContentException;
import io.selvedge.content.Style;
import io.selvedge.content.StyleChange;
import io.selvedge.content.StyleChanged;
import io.selvedge.content.StyleCreated;
import io.selvedge.content.StyleDeleted;
import io.selvedge.content.StyleMoved;
import io.selvedge.content.StyleQuery;
import io.selvedge.content.StyleRestored;
import io.selvedge.content.StyleStatus;
import io.selvedge.content.Styles;
import io.selvedge.crypto.FieldCipher;
import io.selvedge.crypto.FieldCiphers;
import io.selvedge.platform.AuditActor;
import io.selvedge.platform.PageCursor;
import io.selvedge.platform.RequestOrigin;
import io.selvedge.storage.GroupDataPlane;
import io.selvedge.storage.GroupDataPlanes;
import io.selvedge.storage.GroupWrites;
import io.selvedge.storage.NewResource;
import io.selvedge.storage.ResourceHomes;
import io.selvedge.storage.ResourceKind;
import io.selvedge.storage.Stores;
import io.selvedge.tenancy.InvalidPageException;
import io.selvedge.tenancy.NoSuchNodeException;
import io.selvedge.tenancy.NodeKind;
import io.selvedge.tenancy.Page;
import io.selvedge.tenancy.Tree;
import io.selvedge.tenancy.TreeNode;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.function.Predicate;
import lombok.RequiredArgsConstructor;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * Styles in each group's region. A style's home (its group) is recorded globally first, then every
 * change happens in one transaction of the region's database that also publishes the change's event.
 */
@Service
@RequiredArgsConstructor
class StyleService implements Styles {

    static final int MAX_LIMIT = 200;
    static final String TAG_INDEX = "content_style.tag";

    private final ResourceHomes homes;
    private final GroupDataPlanes planes;
    private final FieldCiphers ciphers;
    private final Tree tree;
    private final Grants grants;
    // Asked lazily: the decision point's locators include this module's, which read styles.
    private final ObjectProvider<Authorization> authorization;
    private final Stores stores;
    private final StyleFiles files;
    private final ApplicationEventPublisher events;
    private final ContentProperties properties;
    private final Clock clock;
    private final GroupWrites writes;
    private final StyleRepository rows;
    private final StageRepository stages;

    @Override
    public Style create(UUID workroomId, String name, String description, List<String> tags, UUID actor) {
        String cleanName = StyleFields.name(name);
        String cleanDescription = StyleFields.description(description);
        List<String> cleanTags = StyleFields.tags(tags);
        TreeNode workroom = tree.get(NodeKind.WORKROOM, workroomId);
        UUID groupId = workroom.groupId();
        UUID id = UUID.randomUUID();
        Instant now = clock.instant();
        FieldCipher cipher = ciphers.of(groupId);
        String stage = writes.create(groupId, NewResource.of(ResourceKind.STYLE, id), plane -> {
            // A new style starts in the group's first stage.
            String first = stages.firstKey(plane.jdbc(), groupId);
            rows.insert(
                    plane.jdbc(),
                    id,
                    groupId,
                    workroomId,
                    StyleRepository.NAME.encrypt(cipher, cleanName, id),
                    StyleRepository.DESCRIPTION.encrypt(cipher, cleanDescription, id),
                    StyleRepository.TAGS.encrypt(cipher, StyleFields.joinTags(cleanTags), id),
                    StyleStatus.IN_REVIEW,
                    first,
                    actor,
                    now);
            rows.insertTagIndexes(plane.jdbc(), groupId, id, tagIndexes(cipher, cleanTags));
            rows.setSearchTokens(plane.jdbc(), id, SearchTokens.of(cipher, cleanName, cleanDescription, cleanTags));
            events.publishEvent(
                    new StyleCreated(groupId, id, workroomId, AuditActor.account(actor), RequestOrigin.current()));
            return first;
        });
        return new Style(
                id,
                groupId,
                workroomId,
                cleanName,
                cleanDescription,
                cleanTags,
                StyleStatus.IN_REVIEW,
                null,
                null,
                actor,
                now,
                actor,
                now,
                stage);
    }

    @Override
    public Style get(UUID styleId) {
        UUID groupId = homes.groupOf(styleId, ResourceKind.STYLE).orElseThrow(NoSuchContentException::new);
        StyleRow row = live(planes.of(groupId).jdbc(), groupId, styleId, false);
        requireLiveWorkroom(row.workroomId());
        return decrypted(row);
    }

    @Override
    public Page<Style> list(UUID workroomId, StyleQuery query, Predicate<UUID> visible) {
        if (query.limit() < 1 || query.limit() > MAX_LIMIT) {
            throw new InvalidPageException("The limit is 1 to " + MAX_LIMIT + ".");
        }
        UUID groupId = tree.get(NodeKind.WORKROOM, workroomId).groupId();
        JdbcClient jdbc = planes.of(groupId).jdbc();
        byte[] tagIndex =
                query.tag() == null ? null : ciphers.blindIndex(groupId, TAG_INDEX, StyleFields.indexed(query.tag()));
        Comparator<Style> order = order(query.sort());
        // The fields are ciphertexts, so the database cannot sort by name: decrypt the workroom's, sort here.
        List<Style> sorted =
                rows.liveInWorkroom(jdbc, groupId, workroomId, query.status(), query.stage(), tagIndex).stream()
                        .filter(row -> visible.test(row.id()))
                        .map(this::decrypted)
                        .sorted(order)
                        .toList();
        List<Style> rest = sorted;
        if (query.cursor() != null) {
            UUID afterId = PageCursor.id(query.cursor());
            Style after = rows.find(jdbc, groupId, afterId, false)
                    .map(this::decrypted)
                    .orElseThrow(() -> new InvalidPageException("The cursor is no longer valid."));
            rest = sorted.stream()
                    .filter(style -> order.compare(style, after) > 0)
                    .toList();
        }
        if (rest.size() <= query.limit()) {
            return new Page<>(rest, null);
        }
        List<Style> items = rest.subList(0, query.limit());
        return new Page<>(items, PageCursor.of(items.get(items.size() - 1).id()));
    }

    @Override
    public Style change(UUID styleId, StyleChange change, UUID actor) {
        String name = change.name() == null ? null : StyleFields.name(change.name());
        String description = change.description() == null ? null : StyleFields.description(change.description());
        List<String> tags = change.tags() == null ? null : StyleFields.tags(change.tags());
        UUID groupId = homes.groupOf(styleId, ResourceKind.STYLE).orElseThrow(NoSuchContentException::new);
        FieldCipher cipher = ciphers.of(groupId);
        Instant now = clock.instant();
        writes.run(groupId, plane -> {
            JdbcClient jdbc = plane.jdbc();
            Style before = live(jdbc, groupId, styleId, true).decrypt(cipher);
            Set<String> fields = new LinkedHashSet<>();
            if (name != null) {
                rows.update(jdbc, styleId, StyleRepository.NAME, StyleRepository.NAME.encrypt(cipher, name, styleId));
                fields.add("name");
            }
            if (description != null) {
                rows.update(
                        jdbc,
                        styleId,
                        StyleRepository.DESCRIPTION,
                        StyleRepository.DESCRIPTION.encrypt(cipher, description, styleId));
                fields.add("description");
            }
            if (tags != null) {
                rows.update(
                        jdbc,
                        styleId,
                        StyleRepository.TAGS,
                        StyleRepository.TAGS.encrypt(cipher, StyleFields.joinTags(tags), styleId));
                rows.replaceTagIndexes(jdbc, groupId, styleId, tagIndexes(cipher, tags));
                fields.add("tags");
            }
            if (!fields.isEmpty()) {
                rows.setSearchTokens(
                        jdbc,
                        styleId,
                        SearchTokens.of(
                                cipher,
                                name == null ? before.name() : name,
                                description == null ? before.description() : description,
                                tags == null ? before.tags() : tags));
            }
            if (change.status() != null) {
                rows.setStatus(jdbc, styleId, change.status(), actor, now);
                fields.add("status");
            }
            rows.touch(jdbc, styleId, actor, now);
            events.publishEvent(new StyleChanged(
                    groupId, styleId, Set.copyOf(fields), AuditActor.account(actor), RequestOrigin.current()));
        });
        return get(styleId);
    }

    @Override
    public Style move(UUID styleId, UUID workroomId, UUID actor) {
        Authorization decisions = authorization.getObject();
        decisions.require(Action.MOVE_OR_DELETE_STYLE, styleId);
        decisions.require(Action.UPLOAD, workroomId);
        UUID groupId = homes.groupOf(styleId, ResourceKind.STYLE).orElseThrow(NoSuchContentException::new);
        TreeNode target = tree.get(NodeKind.WORKROOM, workroomId);
        if (!target.groupId().equals(groupId)) {
            throw new ContentRefusedException("A style can move only to a workroom of its own group.");
        }
        writes.run(groupId, plane -> {
            JdbcClient jdbc = plane.jdbc();
            StyleRow row = live(jdbc, groupId, styleId, true);
            if (!row.workroomId().equals(workroomId)) {
                rows.move(jdbc, styleId, workroomId, actor, clock.instant());
                grants.pathsChanged(groupId);
                events.publishEvent(new StyleMoved(
                        groupId,
                        styleId,
                        row.workroomId(),
                        workroomId,
                        AuditActor.account(actor),
                        RequestOrigin.current()));
            }
        });
        return get(styleId);
    }

    @Override
    public Instant delete(UUID styleId, UUID actor) {
        UUID groupId = homes.groupOf(styleId, ResourceKind.STYLE).orElseThrow(NoSuchContentException::new);
        Instant now = clock.instant();
        Instant until = now.plus(properties.restoreWindow());
        writes.run(groupId, plane -> {
            live(plane.jdbc(), groupId, styleId, true);
            rows.markDeleted(plane.jdbc(), styleId, now);
            grants.pathsChanged(groupId); // the style's path is now a deleted one: cached paths must not say otherwise
            events.publishEvent(
                    new StyleDeleted(groupId, styleId, until, AuditActor.account(actor), RequestOrigin.current()));
        });
        return until;
    }

    @Override
    public Style restore(UUID styleId, UUID actor) {
        UUID groupId = homes.groupOf(styleId, ResourceKind.STYLE).orElseThrow(NoSuchContentException::new);
        Instant now = clock.instant();
        StyleRow restored = writes.write(groupId, plane -> {
            StyleRow row = rows.find(plane.jdbc(), groupId, styleId, true).orElseThrow(NoSuchContentException::new);
            if (row.live()) {
                throw new ContentRefusedException("This style is not deleted.");
            }
            if (!row.deletedAt().plus(properties.restoreWindow()).isAfter(now)) {
                throw new NoSuchContentException(); // past its window: as good as purged
            }
            requireLiveWorkroom(row.workroomId());
            rows.markRestored(plane.jdbc(), styleId);
            grants.pathsChanged(groupId);
            events.publishEvent(
                    new StyleRestored(groupId, styleId, AuditActor.account(actor), RequestOrigin.current()));
            return row;
        });
        return get(restored.id());
    }

    @Override
    public int purgeExpired() {
        Instant cutoff = clock.instant().minus(properties.restoreWindow());
        int purged = 0;
        for (String region : stores.regions()) {
            List<StyleRow> expired =
                    rows.deletedBefore(JdbcClient.create(stores.region(region).dataSource()), cutoff);
            for (StyleRow row : expired) {
                purge(row);
                purged++;
            }
        }
        return purged;
    }

    /** The files first (a crash leaves rows that the next run purges again), then the rows and the home. */
    private void purge(StyleRow row) {
        UUID groupId = row.groupId();
        GroupDataPlane plane = planes.of(groupId);
        List<UUID> versions = files.deleteFilesOf(plane, row.id());
        writes.run(groupId, tx -> {
            rows.delete(plane.jdbc(), row.id());
            grants.resourcePurged(groupId, row.id());
        });
        versions.forEach(homes::forget);
        homes.forget(row.id());
    }

    @Override
    public void favour(UUID styleId, UUID accountId) {
        Style style = get(styleId);
        JdbcClient jdbc = planes.of(style.groupId()).jdbc();
        if (!rows.isFavourite(jdbc, accountId, styleId)) {
            rows.addFavourite(jdbc, accountId, styleId, style.groupId(), clock.instant());
        }
    }

    @Override
    public void unfavour(UUID styleId, UUID accountId) {
        UUID groupId = homes.groupOf(styleId, ResourceKind.STYLE).orElseThrow(NoSuchContentException::new);
        rows.removeFavourite(planes.of(groupId).jdbc(), accountId, styleId);
    }

    @Override
    public List<Style> favourites(UUID accountId, Predicate<UUID> visible) {
        List<Style> found = new ArrayList<>();
        for (String region : stores.regions()) {
            List<UUID> ids =
                    rows.favouredBy(JdbcClient.create(stores.region(region).dataSource()), accountId);
            for (UUID id : ids) {
                if (visible.test(id)) {
                    try {
                        found.add(get(id));
                    } catch (NoSuchContentException e) {
                        // deleted meanwhile, or its workroom is
                    }
                }
            }
        }
        return found;
    }

    /** Called when a workroom is purged: its styles follow at the next purge run. */
    void workroomPurged(UUID groupId, UUID workroomId) {
        rows.markWorkroomPurged(planes.of(groupId).jdbc(), groupId, workroomId);
    }

    StyleRow live(JdbcClient jdbc, UUID groupId, UUID styleId, boolean forUpdate) {
        StyleRow row = rows.find(jdbc, groupId, styleId, forUpdate).orElseThrow(NoSuchContentException::new);
        if (!row.live()) {
            throw new NoSuchContentException();
        }
        return row;
    }

    private void requireLiveWorkroom(UUID workroomId) {
        try {
            tree.get(NodeKind.WORKROOM, workroomId);
        } catch (NoSuchNodeException e) {
            throw new NoSuchContentException();
        }
    }

    /** The blind indexes of the tags' look-up, one per distinct tag. */
    private static List<byte[]> tagIndexes(FieldCipher cipher, List<String> tags) {
        Set<String> indexed = new LinkedHashSet<>();
        List<byte[]> indexes = new ArrayList<>();
        for (String tag : tags) {
            if (indexed.add(StyleFields.indexed(tag))) {
                indexes.add(cipher.blindIndex(TAG_INDEX, StyleFields.indexed(tag)));
            }
        }
        return indexes;
    }

    Style decrypted(StyleRow row) {
        return row.decrypt(ciphers.of(row.groupId()));
    }

    private static Comparator<Style> order(StyleQuery.Sort sort) {
        return switch (sort) {
            case NAME ->
                Comparator.comparing(Style::name, String.CASE_INSENSITIVE_ORDER)
                        .thenComparing(Style::name)
                        .thenComparing(Style::id);
            case UPDATED -> Comparator.comparing(Style::updatedAt).reversed().thenComparing(Style::id);
        };
    }
}
