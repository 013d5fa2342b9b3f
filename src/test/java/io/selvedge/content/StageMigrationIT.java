package io.selvedge.content;

import static org.assertj.core.api.Assertions.assertThat;

import io.selvedge.testing.TestDatabase;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.MigrationInfo;
import org.flywaydb.core.api.MigrationVersion;
import org.flywaydb.core.api.configuration.FluentConfiguration;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.Test;
import org.postgresql.ds.PGSimpleDataSource;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * V710 on a regional store that has styles from before stages: each status becomes a stage (in review → in
 * development, approved → approved for production, rejected → dropped), on H2 and on PostgreSQL alike, and the
 * approval history stays as it was.
 */
class StageMigrationIT {

    @Test
    void theStatusesOfStylesFromBeforeStagesBecomeTheirStagesAndApprovalsStay() {
        DataSource store = aFreshRegionalStore();
        migrate(store, lastBefore(store, "710"));
        JdbcTemplate jdbc = new JdbcTemplate(store);
        UUID group = UUID.randomUUID();
        Timestamp now = Timestamp.from(Instant.now());
        jdbc.update("insert into resident_group (group_id, admitted_at) values (?, ?)", group, now);
        UUID inReview = style(jdbc, group, "IN_REVIEW", now);
        UUID approved = style(jdbc, group, "APPROVED", now);
        UUID rejected = style(jdbc, group, "REJECTED", now);
        jdbc.update(
                "insert into collab_approval (id, group_id, style_id, status, note, actor_id, created_at)"
                        + " values (?, ?, ?, 'APPROVED', 'ciphertext', ?, ?)",
                UUID.randomUUID(),
                group,
                approved,
                UUID.randomUUID(),
                now);

        migrate(store, "latest");

        assertThat(stageOf(jdbc, inReview)).isEqualTo("in-development");
        assertThat(stageOf(jdbc, approved)).isEqualTo("approved-for-production");
        assertThat(stageOf(jdbc, rejected)).isEqualTo("dropped");
        assertThat(jdbc.queryForList("select status from content_style where id = ?", String.class, approved))
                .containsExactly("APPROVED");
        assertThat(jdbc.queryForList("select status from collab_approval where style_id = ?", String.class, approved))
                .containsExactly("APPROVED");
        assertThat(jdbc.queryForObject("select count(*) from content_stage_move", Integer.class))
                .isZero();
        if (!TestDatabase.isPostgresql()) {
            jdbc.execute("shutdown");
        }
    }

    private static UUID style(JdbcTemplate jdbc, UUID group, String status, Timestamp at) {
        UUID id = UUID.randomUUID();
        UUID account = UUID.randomUUID();
        jdbc.update(
                "insert into content_style (id, group_id, workroom_id, name, description, tags, status, created_by,"
                        + " created_at, updated_by, updated_at) values (?, ?, ?, 'n', 'd', 't', ?, ?, ?, ?, ?)",
                id,
                group,
                UUID.randomUUID(),
                status,
                account,
                at,
                account,
                at);
        return id;
    }

    private static String stageOf(JdbcTemplate jdbc, UUID style) {
        return jdbc.queryForObject("select stage from content_style where id = ?", String.class, style);
    }

    /** The version of the newest migration older than {@code version}, whatever number it has. */
    private static String lastBefore(DataSource store, String version) {
        MigrationVersion stages = MigrationVersion.fromVersion(version);
        return java.util.Arrays.stream(flyway(store).load().info().all())
                .map(MigrationInfo::getVersion)
                .filter(found -> found != null && found.compareTo(stages) < 0)
                .max(Comparator.naturalOrder())
                .orElseThrow()
                .getVersion();
    }

    private static void migrate(DataSource store, String target) {
        flyway(store).target(target).load().migrate();
    }

    private static FluentConfiguration flyway(DataSource store) {
        List<String> locations = TestDatabase.isPostgresql()
                ? List.of("classpath:db/regional", "classpath:db/regional-postgresql")
                : List.of("classpath:db/regional");
        return Flyway.configure().dataSource(store).locations(locations.toArray(String[]::new));
    }

    /** An empty database of the run's kind: H2 in memory, or a new PostgreSQL database. */
    private static DataSource aFreshRegionalStore() {
        if (!TestDatabase.isPostgresql()) {
            JdbcDataSource h2 = new JdbcDataSource();
            h2.setURL("jdbc:h2:mem:stage-migration-" + UUID.randomUUID()
                    + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;DB_CLOSE_DELAY=-1");
            h2.setUser("sa");
            return h2;
        }
        Map<String, Object> settings = TestDatabase.storeProperties(List.of("stages"));
        PGSimpleDataSource postgresql = new PGSimpleDataSource();
        postgresql.setURL((String) settings.get("selvedge.storage.region.stages.jdbc-url"));
        postgresql.setUser((String) settings.get("selvedge.storage.region.stages.username"));
        postgresql.setPassword((String) settings.get("selvedge.storage.region.stages.password"));
        return postgresql;
    }
}
