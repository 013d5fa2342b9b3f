package io.selvedge.monitoring.internal.routing;

import io.selvedge.crypto.EncryptedColumn;
import io.selvedge.crypto.EncryptedTable;
import io.selvedge.crypto.FieldCiphers;
import io.selvedge.monitoring.AlertCategory;
import io.selvedge.monitoring.AlertSeverity;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import lombok.RequiredArgsConstructor;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The installation's teams, their channels (target and secret under the directory's key) and the rules. */
@Repository
@RequiredArgsConstructor
class RoutingRepository {

    static final EncryptedTable CHANNELS = EncryptedTable.named("monitoring_channel");
    static final EncryptedColumn TARGET = CHANNELS.column("target");
    static final EncryptedColumn SECRET = CHANNELS.column("secret");

    private final JdbcClient jdbc;
    private final FieldCiphers ciphers;
    private final Clock clock;

    List<Team> teams() {
        return jdbc.sql("select id, slug, name from monitoring_team order by created_at, slug")
                .query((row, n) -> new Team(row.getObject(1, UUID.class), row.getString(2), row.getString(3)))
                .list();
    }

    Optional<Team> team(UUID id) {
        return teams().stream().filter(team -> team.id().equals(id)).findFirst();
    }

    void insertTeam(Team team) {
        jdbc.sql("insert into monitoring_team (id, slug, name, created_at) values (?, ?, ?, ?)")
                .params(team.id(), team.slug(), team.name(), clock.instant().atOffset(java.time.ZoneOffset.UTC))
                .update();
    }

    boolean renameTeam(UUID id, String name) {
        return jdbc.sql("update monitoring_team set name = ? where id = ?")
                        .params(name, id)
                        .update()
                == 1;
    }

    boolean deleteTeam(UUID id) {
        return jdbc.sql("delete from monitoring_team where id = ?").params(id).update() == 1;
    }

    List<Channel> channels() {
        return jdbc.sql(
                        "select id, team_id, kind, name, target, secret from monitoring_channel order by created_at, id")
                .query(this::channelRow)
                .list();
    }

    List<Channel> channelsOf(UUID teamId) {
        return jdbc.sql("select id, team_id, kind, name, target, secret from monitoring_channel where team_id = ?"
                        + " order by created_at, id")
                .params(teamId)
                .query(this::channelRow)
                .list();
    }

    Optional<Channel> channel(UUID id) {
        return jdbc.sql("select id, team_id, kind, name, target, secret from monitoring_channel where id = ?")
                .params(id)
                .query(this::channelRow)
                .optional();
    }

    void insertChannel(Channel channel) {
        jdbc.sql("insert into monitoring_channel (id, team_id, kind, name, target, secret, created_at)"
                        + " values (?, ?, ?, ?, ?, ?, ?)")
                .params(
                        channel.id(),
                        channel.teamId(),
                        channel.kind().name(),
                        channel.name(),
                        TARGET.encrypt(ciphers.directory(), channel.target(), channel.id()),
                        SECRET.encrypt(ciphers.directory(), channel.secret(), channel.id()),
                        clock.instant().atOffset(java.time.ZoneOffset.UTC))
                .update();
    }

    /** Changes name and target; the secret stays. */
    boolean updateChannel(UUID id, String name, String target) {
        return jdbc.sql("update monitoring_channel set name = ?, target = ? where id = ?")
                        .params(name, TARGET.encrypt(ciphers.directory(), target, id), id)
                        .update()
                == 1;
    }

    boolean deleteChannel(UUID id) {
        return jdbc.sql("delete from monitoring_channel where id = ?")
                        .params(id)
                        .update()
                == 1;
    }

    List<Rule> rules() {
        return jdbc.sql("select id, category, min_severity, group_id, team_id from monitoring_rule"
                        + " order by created_at, id")
                .query((row, n) -> new Rule(
                        row.getObject(1, UUID.class),
                        AlertCategory.valueOf(row.getString(2)),
                        AlertSeverity.valueOf(row.getString(3)),
                        row.getObject(4, UUID.class),
                        row.getObject(5, UUID.class)))
                .list();
    }

    void insertRule(Rule rule) {
        jdbc.sql("insert into monitoring_rule (id, category, min_severity, group_id, team_id, created_at)"
                        + " values (?, ?, ?, ?, ?, ?)")
                .params(
                        rule.id(),
                        rule.category().name(),
                        rule.minSeverity().name(),
                        rule.groupId(),
                        rule.teamId(),
                        clock.instant().atOffset(java.time.ZoneOffset.UTC))
                .update();
    }

    boolean updateRule(Rule rule) {
        return jdbc.sql("update monitoring_rule set category = ?, min_severity = ?, group_id = ?, team_id = ?"
                                + " where id = ?")
                        .params(
                                rule.category().name(),
                                rule.minSeverity().name(),
                                rule.groupId(),
                                rule.teamId(),
                                rule.id())
                        .update()
                == 1;
    }

    boolean deleteRule(UUID id) {
        return jdbc.sql("delete from monitoring_rule where id = ?").params(id).update() == 1;
    }

    private Channel channelRow(ResultSet row, int n) throws SQLException {
        UUID id = row.getObject(1, UUID.class);
        @Nullable String secret = SECRET.decrypt(ciphers.directory(), row.getString(6), id);
        return new Channel(
                id,
                row.getObject(2, UUID.class),
                null,
                ChannelKind.valueOf(row.getString(3)),
                row.getString(4),
                TARGET.decrypt(ciphers.directory(), row.getString(5), id),
                secret);
    }
}
