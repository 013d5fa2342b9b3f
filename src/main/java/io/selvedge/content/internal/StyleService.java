package io.selvedge.content.internal;

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
import io.selvedge.platform.PageCursor;
import io.selvedge.platform.RequestOrigin;
import io.selvedge.storage.GroupDataPlane;
import io.selvedge.storage.GroupDataPlanes;
import io.selvedge.storage.Stores;
import io.selvedge.tenancy.InvalidPageException;
import io.selvedge.tenancy.NoSuchNodeException;
import io.selvedge.tenancy.NodeKind;
import io.selvedge.tenancy.Page;
import io.selvedge.tenancy.Tree;
import io.selvedge.tenancy.TreeNode;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.function.Predicate;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * Styles in each group's region. A style's home (its group) is recorded globally first, then every
 * change happens in one transaction of the region's database that also publishes the change's event.
 */
@Service
class StyleService implements Styles {

    static final int MAX_LIMIT = 200;
    static final String TAG_INDEX = "content_style.tag";

    private final ContentHomes homes;
    private final GroupDataPlanes planes;
    private final FieldCiphers ciphers;
    private final Tree tree;
    private final Grants grants;
    private final Stores stores;
    private final StyleFiles files;
    private final ApplicationEventPublisher events;
    private final ContentProperties properties;
    private final Clock clock;

    StyleService(
            ContentHomes homes,
            GroupDataPlanes planes,
            FieldCiphers ciphers,
            Tree tree,
            Grants grants,
            Stores stores,
            StyleFiles files,
            ApplicationEventPublisher events,
            ContentProperties properties,
            Clock clock) {
        this.homes = homes;
        this.planes = planes;
        this.ciphers = ciphers;
        this.tree = tree;
        this.grants = grants;
        this.stores = stores;
        this.files = files;
        this.events = events;
        this.properties = properties;
        this.clock = clock;
    }

    @Override
    public Style create(UUID workroomId, String name, String description, List<String> tags, UUID actor) {
        String cleanName = StyleFields.name(name);
        String cleanDescription = StyleFields.description(description);
        List<String> cleanTags = StyleFields.tags(tags);
        TreeNode workroom = tree.get(NodeKind.WORKROOM, workroomId);
        UUID groupId = workroom.groupId();
        GroupDataPlane plane = planes.of(groupId);
        UUID id = UUID.randomUUID();
        Instant now = clock.instant();
        FieldCipher cipher = ciphers.of(groupId);
        homes.record(id, groupId, ContentHomes.Kind.STYLE);
        try {
            plane.transactions().executeWithoutResult(tx -> {
                plane.jdbc()
                        .sql(
                                "insert into content_style (id, group_id, workroom_id, name, description, tags, status,"
                                        + " created_by, created_at, updated_by, updated_at) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")
                        .params(
                                id,
                                groupId,
                                workroomId,
                                cipher.encryptText(cleanName, StyleRow.TABLE, "name", id.toString()),
                                cipher.encryptText(cleanDescription, StyleRow.TABLE, "description", id.toString()),
                                cipher.encryptText(
                                        StyleFields.joinTags(cleanTags), StyleRow.TABLE, "tags", id.toString()),
                                StyleStatus.IN_REVIEW.name(),
                                actor,
                                Timestamp.from(now),
                                actor,
                                Timestamp.from(now))
                        .update();
                writeTagIndexes(plane.jdbc(), cipher, groupId, id, cleanTags);
                events.publishEvent(new StyleCreated(groupId, id, workroomId, actor, RequestOrigin.current()));
            });
        } catch (RuntimeException e) {
            homes.forget(id);
            throw e;
        }
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
                now);
    }

    @Override
    public Style get(UUID styleId) {
        UUID groupId = homes.groupOf(styleId, ContentHomes.Kind.STYLE);
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
        StringBuilder sql = new StringBuilder(StyleRow.COLUMNS)
                .append(" where group_id = ? and workroom_id = ? and deleted_at is null");
        List<Object> params = new ArrayList<>(List.of(groupId, workroomId));
        if (query.status() != null) {
            sql.append(" and status = ?");
            params.add(query.status().name());
        }
        if (query.tag() != null) {
            sql.append(" and id in (select style_id from content_style_tag where group_id = ? and tag_index = ?)");
            params.add(groupId);
            params.add(ciphers.blindIndex(groupId, TAG_INDEX, StyleFields.indexed(query.tag())));
        }
        Comparator<Style> order = order(query.sort());
        // The fields are ciphertexts, so the database cannot sort by name: decrypt the workroom's, sort here.
        List<Style> sorted = jdbc.sql(sql.toString()).params(params).query(StyleRow::read).list().stream()
                .filter(row -> visible.test(row.id()))
                .map(this::decrypted)
                .sorted(order)
                .toList();
        List<Style> rest = sorted;
        if (query.cursor() != null) {
            UUID afterId = PageCursor.id(query.cursor());
            Style after = jdbc.sql(StyleRow.COLUMNS + " where group_id = ? and id = ?")
                    .params(groupId, afterId)
                    .query(StyleRow::read)
                    .optional()
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
        UUID groupId = homes.groupOf(styleId, ContentHomes.Kind.STYLE);
        GroupDataPlane plane = planes.of(groupId);
        FieldCipher cipher = ciphers.of(groupId);
        Instant now = clock.instant();
        String id = styleId.toString();
        plane.transactions().executeWithoutResult(tx -> {
            JdbcClient jdbc = plane.jdbc();
            live(jdbc, groupId, styleId, true);
            Set<String> fields = new LinkedHashSet<>();
            if (name != null) {
                update(jdbc, styleId, "name", cipher.encryptText(name, StyleRow.TABLE, "name", id));
                fields.add("name");
            }
            if (description != null) {
                update(
                        jdbc,
                        styleId,
                        "description",
                        cipher.encryptText(description, StyleRow.TABLE, "description", id));
                fields.add("description");
            }
            if (tags != null) {
                update(
                        jdbc,
                        styleId,
                        "tags",
                        cipher.encryptText(StyleFields.joinTags(tags), StyleRow.TABLE, "tags", id));
                jdbc.sql("delete from content_style_tag where style_id = ?")
                        .param(styleId)
                        .update();
                writeTagIndexes(jdbc, cipher, groupId, styleId, tags);
                fields.add("tags");
            }
            if (change.status() != null) {
                jdbc.sql("update content_style set status = ?, status_by = ?, status_at = ? where id = ?")
                        .params(change.status().name(), actor, Timestamp.from(now), styleId)
                        .update();
                fields.add("status");
            }
            jdbc.sql("update content_style set updated_by = ?, updated_at = ? where id = ?")
                    .params(actor, Timestamp.from(now), styleId)
                    .update();
            events.publishEvent(new StyleChanged(groupId, styleId, Set.copyOf(fields), actor, RequestOrigin.current()));
        });
        return get(styleId);
    }

    @Override
    public Style move(UUID styleId, UUID workroomId, UUID actor) {
        UUID groupId = homes.groupOf(styleId, ContentHomes.Kind.STYLE);
        TreeNode target = tree.get(NodeKind.WORKROOM, workroomId);
        if (!target.groupId().equals(groupId)) {
            throw new ContentRefusedException("A style can move only to a workroom of its own group.");
        }
        GroupDataPlane plane = planes.of(groupId);
        plane.transactions().executeWithoutResult(tx -> {
            JdbcClient jdbc = plane.jdbc();
            StyleRow row = live(jdbc, groupId, styleId, true);
            if (!row.workroomId().equals(workroomId)) {
                jdbc.sql("update content_style set workroom_id = ?, updated_by = ?, updated_at = ? where id = ?")
                        .params(workroomId, actor, Timestamp.from(clock.instant()), styleId)
                        .update();
                grants.pathsChanged(groupId);
                events.publishEvent(
                        new StyleMoved(groupId, styleId, row.workroomId(), workroomId, actor, RequestOrigin.current()));
            }
        });
        return get(styleId);
    }

    @Override
    public Instant delete(UUID styleId, UUID actor) {
        UUID groupId = homes.groupOf(styleId, ContentHomes.Kind.STYLE);
        GroupDataPlane plane = planes.of(groupId);
        Instant now = clock.instant();
        Instant until = now.plus(properties.restoreWindow());
        plane.transactions().executeWithoutResult(tx -> {
            live(plane.jdbc(), groupId, styleId, true);
            plane.jdbc()
                    .sql("update content_style set deleted_at = ? where id = ?")
                    .params(Timestamp.from(now), styleId)
                    .update();
            events.publishEvent(new StyleDeleted(groupId, styleId, until, actor, RequestOrigin.current()));
        });
        return until;
    }

    @Override
    public Style restore(UUID styleId, UUID actor) {
        UUID groupId = homes.groupOf(styleId, ContentHomes.Kind.STYLE);
        GroupDataPlane plane = planes.of(groupId);
        Instant now = clock.instant();
        StyleRow restored = plane.transactions().execute(tx -> {
            StyleRow row = lock(plane.jdbc(), groupId, styleId);
            if (row.live()) {
                throw new ContentRefusedException("This style is not deleted.");
            }
            if (!row.deletedAt().plus(properties.restoreWindow()).isAfter(now)) {
                throw new NoSuchContentException(); // past its window: as good as purged
            }
            requireLiveWorkroom(row.workroomId());
            plane.jdbc()
                    .sql("update content_style set deleted_at = null where id = ?")
                    .param(styleId)
                    .update();
            events.publishEvent(new StyleRestored(groupId, styleId, actor, RequestOrigin.current()));
            return row;
        });
        return get(restored.id());
    }

    @Override
    public int purgeExpired() {
        Instant cutoff = clock.instant().minus(properties.restoreWindow());
        int purged = 0;
        for (String region : stores.regions()) {
            List<StyleRow> expired = new JdbcTemplate(stores.region(region).dataSource())
                    .query(StyleRow.COLUMNS + " where deleted_at < ?", StyleRow::read, Timestamp.from(cutoff));
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
        plane.transactions().executeWithoutResult(tx -> {
            plane.jdbc()
                    .sql("delete from content_style where id = ?")
                    .param(row.id())
                    .update();
            grants.resourcePurged(groupId, row.id());
        });
        versions.forEach(homes::forget);
        homes.forget(row.id());
    }

    @Override
    public void favour(UUID styleId, UUID accountId) {
        Style style = get(styleId);
        JdbcClient jdbc = planes.of(style.groupId()).jdbc();
        boolean known = jdbc.sql("select count(*) from content_favourite where account_id = ? and style_id = ?")
                        .params(accountId, styleId)
                        .query(Integer.class)
                        .single()
                > 0;
        if (!known) {
            try {
                jdbc.sql(
                                "insert into content_favourite (account_id, style_id, group_id, created_at) values (?, ?, ?, ?)")
                        .params(accountId, styleId, style.groupId(), Timestamp.from(clock.instant()))
                        .update();
            } catch (org.springframework.dao.DuplicateKeyException e) {
                // a concurrent PUT did it: PUT is idempotent
            }
        }
    }

    @Override
    public void unfavour(UUID styleId, UUID accountId) {
        UUID groupId = homes.groupOf(styleId, ContentHomes.Kind.STYLE);
        planes.of(groupId)
                .jdbc()
                .sql("delete from content_favourite where account_id = ? and style_id = ?")
                .params(accountId, styleId)
                .update();
    }

    @Override
    public List<Style> favourites(UUID accountId, Predicate<UUID> visible) {
        List<Style> found = new ArrayList<>();
        for (String region : stores.regions()) {
            List<UUID> ids = new JdbcTemplate(stores.region(region).dataSource())
                    .query(
                            "select f.style_id from content_favourite f join content_style s on s.id = f.style_id"
                                    + " where f.account_id = ? and s.deleted_at is null order by f.created_at desc, f.style_id",
                            (row, n) -> row.getObject(1, UUID.class),
                            accountId);
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
        planes.of(groupId)
                .jdbc()
                .sql("update content_style set deleted_at = ? where group_id = ? and workroom_id = ?")
                .params(Timestamp.from(Instant.EPOCH), groupId, workroomId)
                .update();
    }

    StyleRow live(JdbcClient jdbc, UUID groupId, UUID styleId, boolean forUpdate) {
        StyleRow row = jdbc.sql(StyleRow.COLUMNS + " where group_id = ? and id = ?" + (forUpdate ? " for update" : ""))
                .params(groupId, styleId)
                .query(StyleRow::read)
                .optional()
                .orElseThrow(NoSuchContentException::new);
        if (!row.live()) {
            throw new NoSuchContentException();
        }
        return row;
    }

    private static StyleRow lock(JdbcClient jdbc, UUID groupId, UUID styleId) {
        return jdbc.sql(StyleRow.COLUMNS + " where group_id = ? and id = ? for update")
                .params(groupId, styleId)
                .query(StyleRow::read)
                .optional()
                .orElseThrow(NoSuchContentException::new);
    }

    private void requireLiveWorkroom(UUID workroomId) {
        try {
            tree.get(NodeKind.WORKROOM, workroomId);
        } catch (NoSuchNodeException e) {
            throw new NoSuchContentException();
        }
    }

    private void writeTagIndexes(JdbcClient jdbc, FieldCipher cipher, UUID groupId, UUID styleId, List<String> tags) {
        Set<String> indexed = new LinkedHashSet<>();
        for (String tag : tags) {
            if (indexed.add(StyleFields.indexed(tag))) {
                jdbc.sql("insert into content_style_tag (style_id, group_id, tag_index) values (?, ?, ?)")
                        .params(styleId, groupId, cipher.blindIndex(TAG_INDEX, StyleFields.indexed(tag)))
                        .update();
            }
        }
    }

    private static void update(JdbcClient jdbc, UUID styleId, String column, String value) {
        // column is one of our constants, never input
        jdbc.sql("update content_style set " + column + " = ? where id = ?")
                .params(value, styleId)
                .update();
    }

    Style decrypted(StyleRow row) {
        FieldCipher cipher = ciphers.of(row.groupId());
        String id = row.id().toString();
        return new Style(
                row.id(),
                row.groupId(),
                row.workroomId(),
                cipher.decryptText(row.name(), StyleRow.TABLE, "name", id),
                cipher.decryptText(row.description(), StyleRow.TABLE, "description", id),
                StyleFields.splitTags(cipher.decryptText(row.tags(), StyleRow.TABLE, "tags", id)),
                StyleStatus.valueOf(row.status()),
                row.statusBy(),
                row.statusAt(),
                row.createdBy(),
                row.createdAt(),
                row.updatedBy(),
                row.updatedAt());
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
