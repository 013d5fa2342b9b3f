package io.selvedge.storage.internal;

import io.selvedge.storage.GroupResidency;
import io.selvedge.storage.Stores;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Named fixtures for the residency tests: groups in a region, a content table, the files of a region. */
final class RegionalFixtures {

    /** A content table as modules will make them: its group_id references the region's residents. */
    static final String SKETCH_TABLE = "create table if not exists residency_sketch ("
            + " id uuid not null primary key,"
            + " group_id uuid not null references resident_group (group_id))";

    private RegionalFixtures() {}

    static void createSketchTables(Stores stores) {
        for (String region : stores.regions()) {
            JdbcClient.create(stores.region(region).dataSource())
                    .sql(SKETCH_TABLE)
                    .update();
        }
    }

    static UUID aGroupIn(GroupResidency residency, String region) {
        UUID group = UUID.randomUUID();
        residency.register(group, region);
        return group;
    }

    static void insertSketch(JdbcClient jdbc, UUID groupId) {
        jdbc.sql("insert into residency_sketch (id, group_id) values (?, ?)")
                .params(UUID.randomUUID(), groupId)
                .update();
    }

    /** Every file under a region's folder in the data directory, as relative paths. */
    static List<String> filesOf(Path dataDir, String region) {
        Path folder = dataDir.resolve("regions").resolve(region).resolve("blobs");
        try (Stream<Path> files = Files.walk(folder)) {
            return files.filter(Files::isRegularFile)
                    .map(path -> folder.relativize(path).toString())
                    .sorted()
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
