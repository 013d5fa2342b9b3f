package io.selvedge.storage.internal;

import static io.selvedge.storage.internal.RegionalFixtures.aGroupIn;
import static io.selvedge.storage.internal.RegionalFixtures.insertSketch;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import io.selvedge.platform.OperatorCommand;
import io.selvedge.platform.PlatformProperties;
import io.selvedge.storage.GroupDataPlane;
import io.selvedge.storage.GroupDataPlanes;
import io.selvedge.storage.GroupResidency;
import io.selvedge.storage.ResidencyReport;
import io.selvedge.storage.ResidencyReport.Kind;
import io.selvedge.storage.ResidencyReports;
import io.selvedge.storage.Stores;
import io.selvedge.storage.UnknownGroupException;
import io.selvedge.testing.SelvedgeIntegrationTest;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/** The report lists a group's stores and finds any of its data that slipped into another region. */
@SelvedgeIntegrationTest
class ResidencyReportIT {

    @Autowired
    ResidencyReports reports;

    @Autowired
    GroupDataPlanes planes;

    @Autowired
    GroupResidency residency;

    @Autowired
    Stores stores;

    @Autowired
    PlatformProperties platform;

    @Autowired
    List<OperatorCommand> commands;

    @BeforeEach
    void contentTables() {
        RegionalFixtures.createSketchTables(stores);
    }

    @Test
    void aGroupWhoseDataStayedHomeIsClean() throws IOException {
        UUID group = aGroupWithData("eu");

        ResidencyReport report = reports.of(group);

        assertThat(report.clean()).isTrue();
        assertThat(report.region()).isEqualTo("eu");
        assertThat(report.holdings())
                .extracting(ResidencyReport.Holding::kind, ResidencyReport.Holding::region)
                .containsExactly(
                        tuple(Kind.DATABASE, "eu"),
                        tuple(Kind.BLOB_STORE, "eu"),
                        tuple(Kind.KEY, "eu"),
                        tuple(Kind.KEY, "eu"));
        assertThat(report.holdings().get(0).detail()).isEqualTo("2 row(s) in 2 table(s)");
        assertThat(report.holdings().get(1).detail()).isEqualTo("1 object(s)");
        assertThat(report.holdings().get(2).detail()).isEqualTo("no keysets (none)"); // keys never made here
        assertThat(report.unreported()).isEmpty();
    }

    @Test
    void aFileOfTheGroupInAnotherRegionsFolderIsFound() throws IOException {
        UUID group = aGroupWithData("eu");
        strayFile("us", group);

        ResidencyReport report = reports.of(group);

        assertThat(report.clean()).isFalse();
        assertThat(report.elsewhere()).singleElement().satisfies(found -> {
            assertThat(found.region()).isEqualTo("us");
            assertThat(found.kind()).isEqualTo(Kind.BLOB_STORE);
            assertThat(found.place()).isEqualTo("groups/" + group + "/");
            assertThat(found.count()).isEqualTo(1);
        });
    }

    @Test
    void aRowOfTheGroupInAnotherRegionsDatabaseIsFoundInAnyTableWithAGroupId() throws IOException {
        UUID group = aGroupWithData("eu");
        strayRows("apac", group);

        ResidencyReport report = reports.of(group);

        assertThat(report.elsewhere())
                .extracting(ResidencyReport.Finding::region, ResidencyReport.Finding::place)
                .containsExactlyInAnyOrder(
                        tuple("apac", "table resident_group"), tuple("apac", "table residency_sketch"));
    }

    @Test
    void anUnknownGroupHasNoReport() {
        assertThatThrownBy(() -> reports.of(UUID.randomUUID())).isInstanceOf(UnknownGroupException.class);
    }

    @Test
    void theCommandExitsZeroWhenCleanAndOneWhenDataIsElsewhere() throws IOException {
        UUID group = aGroupWithData("apac");

        Run clean = residencyCommand("report", "--group", group.toString());

        assertThat(clean.exitCode()).isZero();
        assertThat(clean.output())
                .contains("group " + group + ": region apac")
                .contains("database")
                .contains("blob-store")
                .contains("key        apac")
                .doesNotContain("not reported")
                .contains("Clean");

        strayFile("eu", group);
        Run found = residencyCommand("report", "--group", group.toString());

        assertThat(found.exitCode()).isEqualTo(1);
        assertThat(found.output()).contains("FOUND").contains("eu").contains("groups/" + group + "/");
    }

    @Test
    void theCommandExitsTwoOnAUsageErrorOrAnUnknownGroup() {
        assertThat(residencyCommand().exitCode()).isEqualTo(2);
        assertThat(residencyCommand("report").exitCode()).isEqualTo(2);
        assertThat(residencyCommand("report", "--group", "not-a-uuid").exitCode())
                .isEqualTo(2);
        Run unknown = residencyCommand("report", "--group", UUID.randomUUID().toString());
        assertThat(unknown.exitCode()).isEqualTo(2);
        assertThat(unknown.output()).contains("Unknown group");
    }

    private UUID aGroupWithData(String region) throws IOException {
        UUID group = aGroupIn(residency, region);
        GroupDataPlane plane = planes.of(group);
        plane.blobs().write("versions/v1", out -> out.write("ciphertext".getBytes(StandardCharsets.UTF_8)));
        insertSketch(plane.jdbc(), group);
        return group;
    }

    /** A file put where it must not be, past every guard (a bug, a restore into the wrong folder). */
    private void strayFile(String region, UUID group) throws IOException {
        Path file = platform.dataDir()
                .resolve("regions")
                .resolve(region)
                .resolve("blobs")
                .resolve("groups")
                .resolve(group.toString())
                .resolve("stray");
        Files.createDirectories(file.getParent());
        Files.writeString(file, "misplaced");
    }

    /** Rows written straight into another region's database, admitting the group there by hand first. */
    private void strayRows(String region, UUID group) {
        JdbcClient jdbc = JdbcClient.create(stores.region(region).dataSource());
        jdbc.sql("insert into resident_group (group_id, admitted_at) values (?, ?)")
                .params(group, Timestamp.from(Instant.now()))
                .update();
        insertSketch(jdbc, group);
    }

    private Run residencyCommand(String... arguments) {
        OperatorCommand command = commands.stream()
                .filter(c -> c.name().equals("residency"))
                .findFirst()
                .orElseThrow();
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        int code = command.run(List.of(arguments), new PrintStream(bytes, true, StandardCharsets.UTF_8));
        return new Run(code, bytes.toString(StandardCharsets.UTF_8));
    }

    record Run(int exitCode, String output) {}
}
