package io.selvedge.storage.internal;

import static io.selvedge.storage.internal.RegionalFixtures.aGroupIn;
import static io.selvedge.storage.internal.RegionalFixtures.filesOf;
import static io.selvedge.storage.internal.RegionalFixtures.insertSketch;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.selvedge.platform.PlatformProperties;
import io.selvedge.storage.BlobStore;
import io.selvedge.storage.GroupDataPlane;
import io.selvedge.storage.GroupDataPlanes;
import io.selvedge.storage.GroupResidency;
import io.selvedge.storage.InvalidBlobKeyException;
import io.selvedge.storage.ResidencyViolationException;
import io.selvedge.storage.Stores;
import io.selvedge.testing.SelvedgeIntegrationTest;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.jdbc.core.simple.JdbcClient;

/** A group's data goes to its region and only there, whatever the code asks for. */
@SelvedgeIntegrationTest
class GroupDataPlanesIT {

    @Autowired
    GroupDataPlanes planes;

    @Autowired
    DataPlanes dataPlanes;

    @Autowired
    GroupResidency residency;

    @Autowired
    Stores stores;

    @Autowired
    PlatformProperties platform;

    @BeforeEach
    void contentTables() {
        RegionalFixtures.createSketchTables(stores);
    }

    @Test
    void writingForAnEuGroupGrowsOnlyTheEuStores() throws IOException {
        UUID group = aGroupIn(residency, "eu");
        List<String> usBefore = filesOf(platform.dataDir(), "us");
        List<String> apacBefore = filesOf(platform.dataDir(), "apac");

        GroupDataPlane plane = planes.of(group);
        plane.blobs().write("versions/v1", out -> out.write("ciphertext".getBytes(StandardCharsets.UTF_8)));
        insertSketch(plane.jdbc(), group);

        assertThat(plane.region()).isEqualTo("eu");
        assertThat(filesOf(platform.dataDir(), "eu")).contains("groups/" + group + "/versions/v1");
        assertThat(filesOf(platform.dataDir(), "us")).isEqualTo(usBefore).noneMatch(f -> f.contains(group.toString()));
        assertThat(filesOf(platform.dataDir(), "apac"))
                .isEqualTo(apacBefore)
                .noneMatch(f -> f.contains(group.toString()));
        assertThat(GroupTables.rowsOf(stores.region("eu").dataSource(), group))
                .containsEntry("residency_sketch", 1L)
                .containsEntry("resident_group", 1L);
        assertThat(GroupTables.rowsOf(stores.region("us").dataSource(), group)).isEmpty();
        assertThat(GroupTables.rowsOf(stores.region("apac").dataSource(), group))
                .isEmpty();
        try (InputStream in = plane.blobs().open("versions/v1")) {
            assertThat(new String(in.readAllBytes(), StandardCharsets.UTF_8)).isEqualTo("ciphertext");
        }
    }

    @Test
    void theUsBlobStoreRefusesAFileOfAnEuGroup() {
        UUID group = aGroupIn(residency, "eu");
        BlobStore us = stores.region("us").blobs();
        String key = "groups/" + group + "/versions/v1";

        assertThatThrownBy(() -> us.create(key)).isInstanceOf(ResidencyViolationException.class);
        assertThatThrownBy(() -> us.write(key, out -> out.write(1))).isInstanceOf(ResidencyViolationException.class);
        assertThatThrownBy(() -> us.open(key)).isInstanceOf(ResidencyViolationException.class);
        assertThatThrownBy(() -> us.list("groups/" + group + "/")).isInstanceOf(ResidencyViolationException.class);
        assertThat(filesOf(platform.dataDir(), "us")).noneMatch(f -> f.contains(group.toString()));
    }

    @Test
    void theUsDatabaseRefusesARowOfAnEuGroup() {
        UUID group = aGroupIn(residency, "eu");
        JdbcClient us = JdbcClient.create(stores.region("us").dataSource());

        assertThatThrownBy(() -> insertSketch(us, group)).isInstanceOf(DataIntegrityViolationException.class);
        assertThatThrownBy(() -> dataPlanes.bind("us", group)).isInstanceOf(ResidencyViolationException.class);
        assertThat(GroupTables.rowsOf(stores.region("us").dataSource(), group)).isEmpty();
    }

    @Test
    void regionalStoresHoldOnlyGroupContentAndTheGlobalStoreNone() {
        UUID group = aGroupIn(residency, "us");

        assertThatThrownBy(() -> stores.region("us").blobs().create("loose/file"))
                .isInstanceOf(ResidencyViolationException.class);
        assertThatThrownBy(() -> stores.global().blobs().create("groups/" + group + "/x"))
                .isInstanceOf(ResidencyViolationException.class);
    }

    @Test
    void aGroupsNamesCannotReachOutOfItsPrefix() {
        UUID group = aGroupIn(residency, "apac");
        UUID other = aGroupIn(residency, "apac");
        BlobStore blobs = planes.of(group).blobs();

        for (String name : List.of("../" + other + "/x", "/groups/" + other + "/x", "a/../../b", "a\\b", "x\u0007")) {
            assertThatThrownBy(() -> blobs.create(name)).isInstanceOf(InvalidBlobKeyException.class);
        }
    }

    @Test
    void aGroupRegisteredBeforeItsRegionKeptResidentsIsAdmittedOnFirstUse() throws IOException {
        UUID group = aGroupIn(residency, "us");
        JdbcClient.create(stores.region("us").dataSource())
                .sql("delete from resident_group where group_id = ?")
                .param(group)
                .update();

        planes.of(group).blobs().write("late", out -> out.write(1));

        assertThat(planes.of(group).blobs().exists("late")).isTrue();
    }

    /** Standing rule for every module: a regional table with group_id references resident_group. */
    @Test
    void everyRegionalTableWithAGroupIdReferencesTheResidents() throws SQLException {
        List<String> unguarded = new ArrayList<>();
        for (String region : stores.regions()) {
            try (Connection connection = stores.region(region).dataSource().getConnection()) {
                DatabaseMetaData metadata = connection.getMetaData();
                try (ResultSet tables = metadata.getTables(null, connection.getSchema(), "%", new String[] {"TABLE"})) {
                    while (tables.next()) {
                        String table = tables.getString("TABLE_NAME");
                        if (hasGroupId(metadata, connection.getSchema(), table)
                                && !table.equalsIgnoreCase("resident_group")
                                && !referencesResidents(metadata, connection.getSchema(), table)) {
                            unguarded.add(region + ": " + table);
                        }
                    }
                }
            }
        }
        assertThat(unguarded)
                .as("tables whose group_id does not reference resident_group")
                .isEmpty();
    }

    private static boolean hasGroupId(DatabaseMetaData metadata, String schema, String table) throws SQLException {
        try (ResultSet columns = metadata.getColumns(null, schema, table, "%")) {
            while (columns.next()) {
                if (columns.getString("COLUMN_NAME").equalsIgnoreCase("group_id")) {
                    return true;
                }
            }
        }
        return false;
    }

    private static boolean referencesResidents(DatabaseMetaData metadata, String schema, String table)
            throws SQLException {
        try (ResultSet keys = metadata.getImportedKeys(null, schema, table)) {
            while (keys.next()) {
                if (keys.getString("PKTABLE_NAME").equalsIgnoreCase("resident_group")
                        && keys.getString("FKCOLUMN_NAME").equalsIgnoreCase("group_id")) {
                    return true;
                }
            }
        }
        return false;
    }
}
