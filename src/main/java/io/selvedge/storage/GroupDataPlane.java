package io.selvedge.storage;

import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionOperations;

/**
 * One group's view of its region: the region's database, and the region's blob store narrowed to the
 * group's own key space ({@code groups/<groupId>/} is added to every key, and listing returns keys
 * relative to it).
 *
 * <p>Every regional table that holds group content has a {@code group_id} column referencing
 * {@code resident_group(group_id)}: the database itself refuses a row of a group that does not live in
 * the region, and the residency report finds a group's rows by that column.
 *
 * @param jdbc the region's database; use it inside {@code transactions} to write several rows at once
 */
public record GroupDataPlane(
        UUID groupId, String region, BlobStore blobs, JdbcClient jdbc, TransactionOperations transactions) {}
