package io.selvedge.access.internal;

import io.selvedge.access.EmailDomains;
import io.selvedge.access.EmailDomains.Domain;
import io.selvedge.storage.Stores;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The global {@code access_email_domain} table: the groups' domain claims. */
@Repository
class DomainRepository {

    private static final String COLUMNS =
            "select id, group_id, domain, txt_value, verified_at from access_email_domain";

    private final JdbcClient jdbc;

    DomainRepository(Stores stores) {
        this.jdbc = JdbcClient.create(stores.global().dataSource());
    }

    void insert(UUID id, UUID groupId, String domain, String txtValue, UUID claimedBy, Instant at) {
        jdbc.sql("insert into access_email_domain (id, group_id, domain, txt_value, claimed_by, claimed_at)"
                        + " values (?, ?, ?, ?, ?, ?)")
                .params(id, groupId, domain, txtValue, claimedBy, Timestamp.from(at))
                .update();
    }

    Optional<Domain> find(UUID groupId, String domain) {
        return jdbc.sql(COLUMNS + " where group_id = ? and domain = ?")
                .params(groupId, domain)
                .query(DomainRepository::domain)
                .optional();
    }

    Optional<Domain> byId(UUID id) {
        return jdbc.sql(COLUMNS + " where id = ?")
                .param(id)
                .query(DomainRepository::domain)
                .optional();
    }

    List<Domain> ofGroup(UUID groupId) {
        return jdbc.sql(COLUMNS + " where group_id = ? order by domain")
                .param(groupId)
                .query(DomainRepository::domain)
                .list();
    }

    /** The group that holds the domain verified, if any. */
    Optional<UUID> verifiedBy(String domain) {
        return jdbc.sql("select group_id from access_email_domain where verified_domain = ?")
                .param(domain)
                .query(UUID.class)
                .optional();
    }

    /**
     * Marks the claim verified; the unique {@code verified_domain} refuses a second group's (a
     * {@link org.springframework.dao.DuplicateKeyException}).
     */
    boolean markVerified(UUID id, String domain, UUID by, boolean byStaff, Instant at) {
        return jdbc.sql("update access_email_domain set verified_domain = ?, verified_at = ?, verified_by = ?,"
                                + " verified_by_staff = ? where id = ? and verified_at is null")
                        .params(domain, Timestamp.from(at), by, byStaff, id)
                        .update()
                == 1;
    }

    boolean delete(UUID id) {
        return jdbc.sql("delete from access_email_domain where id = ?")
                        .param(id)
                        .update()
                == 1;
    }

    private static Domain domain(ResultSet row, int n) throws SQLException {
        Timestamp verified = row.getTimestamp("verified_at");
        String name = row.getString("domain");
        return new Domain(
                row.getObject("id", UUID.class),
                row.getObject("group_id", UUID.class),
                name,
                EmailDomains.TXT_LABEL + "." + name,
                row.getString("txt_value"),
                verified == null ? null : verified.toInstant());
    }
}
