package io.selvedge.api;

import static io.selvedge.testing.ApiCalls.created;
import static io.selvedge.testing.ApiCalls.problem;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowable;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.jayway.jsonpath.JsonPath;
import io.selvedge.access.Role;
import io.selvedge.content.VersionDownloaded;
import io.selvedge.content.VersionPreviewed;
import io.selvedge.content.VersionUploaded;
import io.selvedge.content.Versions;
import io.selvedge.crypto.TamperDetected;
import io.selvedge.crypto.TamperedStreamException;
import io.selvedge.storage.GroupDataPlanes;
import io.selvedge.storage.GroupResidency;
import io.selvedge.testing.AsACustomerAdmin;
import io.selvedge.testing.Customers;
import io.selvedge.testing.SelvedgeIntegrationTest;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.event.EventListener;
import org.springframework.http.MediaType;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.context.event.ApplicationEvents;
import org.springframework.test.context.event.RecordApplicationEvents;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/**
 * Versions through the API: uploaded as a raw body, listed, downloaded whole or by range, previewed,
 * thumbnailed, under small limits so that the 413s are cheap to reach.
 */
@SelvedgeIntegrationTest
@RecordApplicationEvents
@TestPropertySource(
        properties = {
            "selvedge.content.max-file-size=4MB",
            "selvedge.content.group-quota=10MB",
            "selvedge.content.max-thumbnail-size=64KB"
        })
class VersionsApiIT extends AsACustomerAdmin {

    @Autowired
    GroupDataPlanes planes;

    @Autowired
    ApplicationEvents events;

    @Autowired
    Versions versions;

    @Autowired
    TamperAlarms alarms;

    @Autowired
    GroupResidency residency;

    @Test
    void aVersionIsStoredEncryptedAndServedBackWholeOrByRange() throws Exception {
        Tree tree = aTree("eu");
        byte[] file = bytes(2 * 1024 * 1024 + 12345, 1);
        String sha = sha256(file);
        String version = created(as(admin, post("/api/v1/styles/" + tree.style + "/versions?filename=coat.zprj"), file)
                .andExpect(jsonPath("$.number").value(1))
                .andExpect(jsonPath("$.size").value(file.length))
                .andExpect(jsonPath("$.sha256").value(sha))
                .andExpect(jsonPath("$.filename").value("coat.zprj"))
                .andExpect(jsonPath("$.contentType").value("application/vnd.clo.zprj")));
        created(as(admin, post("/api/v1/styles/" + tree.style + "/versions?filename=coat-2.zprj"), bytes(10, 2))
                .andExpect(jsonPath("$.number").value(2)));
        as(admin, get("/api/v1/styles/" + tree.style + "/versions"), null)
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.items[*].number").value(org.hamcrest.Matchers.contains(2, 1)));

        byte[] served = as(admin, get("/api/v1/versions/" + version + "/content"), null)
                .andExpect(status().isOk())
                .andExpect(header().string("ETag", "\"" + sha + "\""))
                .andExpect(header().string("Cache-Control", "private, no-store"))
                .andExpect(header().string("Accept-Ranges", "bytes"))
                .andExpect(header().string("Content-Type", "application/vnd.clo.zprj"))
                .andExpect(header().string(
                                "Content-Disposition",
                                "attachment; filename=\"coat.zprj\"; filename*=UTF-8''coat.zprj"))
                .andReturn()
                .getResponse()
                .getContentAsByteArray();
        assertThat(served).isEqualTo(file);

        // Across a 1 MiB segment boundary of the encrypted stream.
        byte[] middle = as(
                        admin,
                        get("/api/v1/versions/" + version + "/content").header("Range", "bytes=1048570-1048600"),
                        null)
                .andExpect(status().isPartialContent())
                .andExpect(header().string("Content-Range", "bytes 1048570-1048600/" + file.length))
                .andReturn()
                .getResponse()
                .getContentAsByteArray();
        assertThat(middle).isEqualTo(Arrays.copyOfRange(file, 1048570, 1048601));
        byte[] tail = as(admin, get("/api/v1/versions/" + version + "/content").header("Range", "bytes=-7"), null)
                .andExpect(status().isPartialContent())
                .andReturn()
                .getResponse()
                .getContentAsByteArray();
        assertThat(tail).isEqualTo(Arrays.copyOfRange(file, file.length - 7, file.length));
        as(admin, get("/api/v1/versions/" + version + "/content").header("Range", "bytes=" + file.length + "-"), null)
                .andExpect(status().isRequestedRangeNotSatisfiable())
                .andExpect(header().string("Content-Range", "bytes */" + file.length));
        as(admin, get("/api/v1/versions/" + version + "/content").header("If-None-Match", "\"" + sha + "\""), null)
                .andExpect(status().isNotModified());
        as(
                        admin,
                        get("/api/v1/versions/" + version + "/content")
                                .header("Range", "bytes=0-9")
                                .header("If-Range", "\"stale\""),
                        null)
                .andExpect(status().isOk());

        assertThat(events.stream(VersionUploaded.class))
                .anyMatch(e -> e.versionId().toString().equals(version));
        assertThat(events.stream(VersionDownloaded.class))
                .anyMatch(e -> e.versionId().toString().equals(version) && e.partial());
        try (Stream<String> keys =
                planes.of(UUID.fromString(tree.group)).blobs().list("files/")) {
            assertThat(keys).contains("files/v-" + version);
        }
    }

    @Test
    void aStylesVersionsArePagedNewestFirstWithAnOpaqueCursor() throws Exception {
        Tree tree = aTree("eu");
        for (int i = 0; i < 3; i++) {
            created(as(admin, post("/api/v1/styles/" + tree.style + "/versions?filename=v.obj"), bytes(10, 20 + i)));
        }
        String list = "/api/v1/styles/" + tree.style + "/versions";
        String first = as(admin, get(list + "?limit=2"), null)
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.items[*].number").value(org.hamcrest.Matchers.contains(3, 2)))
                .andReturn()
                .getResponse()
                .getContentAsString();
        as(admin, get(list + "?limit=2&cursor=" + JsonPath.read(first, "$.nextCursor")), null)
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.items[*].number").value(org.hamcrest.Matchers.contains(1)))
                .andExpect(jsonPath("$.nextCursor").value(org.hamcrest.Matchers.nullValue()));
        problem(as(admin, get(list + "?cursor=%00%ff"), null), 400);
        problem(as(admin, get(list + "?limit=201"), null), 400);
    }

    @Test
    void aFileChangedWhereItIsStoredIsCutOffMidDownloadAndRaisesTheAlarm() throws Exception {
        Tree tree = aTree("eu");
        byte[] file = bytes(3 * 1024 * 1024, 7);
        String version =
                created(as(admin, post("/api/v1/styles/" + tree.style + "/versions?filename=coat.zprj"), file));
        Path blob = storedFile(tree.group, "v-" + version);
        byte[] stored = Files.readAllBytes(blob);
        stored[stored.length / 2] ^= 0x01; // inside the second of three 1 MiB segments
        Files.write(blob, stored);

        // The headers and the first segment have gone out when the second fails to authenticate: the
        // failure reaches the container, which cuts the connection, rather than a problem document
        // appended to the file's bytes.
        Throwable cutOff = catchThrowable(() -> as(admin, get("/api/v1/versions/" + version + "/content"), null));
        assertThat(Stream.iterate(cutOff, Objects::nonNull, Throwable::getCause))
                .anyMatch(TamperedStreamException.class::isInstance);
        assertThat(alarms.heard).anySatisfy(alarm -> {
            assertThat(alarm.id()).isEqualTo("v-" + version);
            assertThat(alarm.groupId()).hasToString(tree.group);
            assertThat(alarm.auditOrigin().address()).isEqualTo("127.0.0.1"); // the request's, though decrypted ahead
        });
    }

    private Path storedFile(String group, String fileId) throws IOException {
        Path root = Path.of(residency.storeOf(UUID.fromString(group)).blobs().location());
        try (Stream<Path> found = Files.walk(root)) {
            return found.filter(path -> path.endsWith(Path.of("groups", group, "files", fileId)))
                    .findFirst()
                    .orElseThrow(() -> new AssertionError("no stored file " + fileId + " under " + root));
        }
    }

    /** Tamper alarms as published, from whichever thread noticed. */
    @TestConfiguration
    static class TamperAlarms {
        final List<TamperDetected> heard = new CopyOnWriteArrayList<>();

        @EventListener
        void on(TamperDetected alarm) {
            heard.add(alarm);
        }
    }

    @Test
    void fileNamesAreStoredSafelyAndServedInASafeDisposition() throws Exception {
        Tree tree = aTree("us");
        String evil = created(as(
                        admin,
                        post("/api/v1/styles/" + tree.style + "/versions")
                                .param("filename", "../../etc/pass\r\nwd\u0000\u202e.pdf"),
                        bytes(100, 3))
                .andExpect(jsonPath("$.filename").value("passwd.pdf"))
                .andExpect(jsonPath("$.contentType").value("application/pdf")));
        as(admin, get("/api/v1/versions/" + evil + "/content"), null)
                .andExpect(header().string(
                                "Content-Disposition",
                                "attachment; filename=\"passwd.pdf\"; filename*=UTF-8''passwd.pdf"));

        String longName = "a".repeat(300) + ".glb";
        String tooLong = created(
                as(admin, post("/api/v1/styles/" + tree.style + "/versions").param("filename", longName), bytes(10, 4))
                        .andExpect(jsonPath("$.filename").value("a".repeat(251) + ".glb")));
        assertThat(tooLong).isNotBlank();

        String quoted = created(as(
                        admin,
                        post("/api/v1/styles/" + tree.style + "/versions").param("filename", "Mantel ü \"lang\";x.obj"),
                        bytes(10, 5))
                .andExpect(jsonPath("$.filename").value("Mantel ü \"lang\";x.obj")));
        as(admin, get("/api/v1/versions/" + quoted + "/content"), null)
                .andExpect(header().string("Content-Type", "model/obj"))
                .andExpect(
                        header().string(
                                        "Content-Disposition",
                                        "attachment; filename=\"Mantel _ _lang_;x.obj\"; filename*=UTF-8''Mantel%20%C3%BC%20%22lang%22%3Bx.obj"));
        String unnamed = created(as(admin, post("/api/v1/styles/" + tree.style + "/versions"), bytes(10, 6))
                .andExpect(jsonPath("$.filename").value("file"))
                .andExpect(jsonPath("$.contentType").value("application/octet-stream")));
        assertThat(unnamed).isNotBlank();
    }

    @Test
    void aFilePastTheLimitOrTheQuotaIsRefusedAndLeavesNothing() throws Exception {
        Tree tree = aTree("eu");
        problem(
                as(
                        admin,
                        post("/api/v1/styles/" + tree.style + "/versions?filename=big.zprj"),
                        bytes(4 * 1024 * 1024 + 1, 7)),
                413);
        for (int i = 0; i < 3; i++) {
            created(as(
                    admin,
                    post("/api/v1/styles/" + tree.style + "/versions?filename=part.zprj"),
                    bytes(3 * 1024 * 1024, 8)));
        }
        problem(
                as(
                        admin,
                        post("/api/v1/styles/" + tree.style + "/versions?filename=more.zprj"),
                        bytes(2 * 1024 * 1024, 9)),
                413);
        as(admin, get("/api/v1/styles/" + tree.style + "/versions"), null)
                .andExpect(jsonPath("$.items.length()").value(3));
        try (Stream<String> keys =
                planes.of(UUID.fromString(tree.group)).blobs().list("files/")) {
            assertThat(keys).hasSize(3);
        }
    }

    @Test
    void anInterruptedUploadLeavesNoVersionAndNoBlob() throws Exception {
        Tree tree = aTree("eu");
        InputStream dropping = new InputStream() {
            int sent;

            @Override
            public int read() throws IOException {
                if (sent++ > 1_500_000) {
                    throw new IOException("connection reset");
                }
                return 'x';
            }
        };
        assertThatThrownBy(
                        () -> versions.upload(UUID.fromString(tree.style), "cut.zprj", null, -1, dropping, admin.id()))
                .isInstanceOf(IOException.class);
        as(admin, get("/api/v1/styles/" + tree.style + "/versions"), null)
                .andExpect(jsonPath("$.items").isEmpty());
        try (Stream<String> keys =
                planes.of(UUID.fromString(tree.group)).blobs().list("")) {
            assertThat(keys).isEmpty();
        }
    }

    @Test
    void viewersSeeAndPreviewButDownloadOnlyWhereTheirShareAllows() throws Exception {
        Tree tree = aTree("apac");
        byte[] model = "glTF-binary-model".getBytes(StandardCharsets.UTF_8);
        String glb = created(as(admin, post("/api/v1/styles/" + tree.style + "/versions?filename=coat.glb"), model));
        String zprj = created(as(admin, post("/api/v1/styles/" + tree.style + "/versions?filename=coat.zprj"), model));
        Customers.Account viewer = granted(tree.workroom, Role.VIEWER, false);
        Customers.Account downloader = granted(tree.workroom, Role.VIEWER, true);

        as(viewer, get("/api/v1/styles/" + tree.style + "/versions"), null).andExpect(status().isOk());
        problem(as(viewer, get("/api/v1/versions/" + glb + "/content"), null), 403);
        byte[] previewed = as(viewer, get("/api/v1/versions/" + glb + "/preview"), null)
                .andExpect(status().isOk())
                .andExpect(header().string("Content-Type", "model/gltf-binary"))
                .andExpect(header().string("Cache-Control", "private, no-store"))
                .andReturn()
                .getResponse()
                .getContentAsByteArray();
        assertThat(previewed).isEqualTo(model);
        problem(as(viewer, get("/api/v1/versions/" + zprj + "/preview"), null), 404);
        problem(as(viewer, post("/api/v1/styles/" + tree.style + "/versions?filename=x.glb"), model), 403);
        as(downloader, get("/api/v1/versions/" + zprj + "/content"), null).andExpect(status().isOk());
        problem(as(customers.aCustomer("stranger"), get("/api/v1/versions/" + glb + "/preview"), null), 404);
        assertThat(events.stream(VersionPreviewed.class))
                .anyMatch(e -> e.versionId().toString().equals(glb));
    }

    @Test
    void aThumbnailIsAnImageCheckedByItsBytes() throws Exception {
        Tree tree = aTree("eu");
        String version = created(
                as(admin, post("/api/v1/styles/" + tree.style + "/versions?filename=coat.zprj"), bytes(10, 10)));
        byte[] png = new byte[200];
        System.arraycopy(new byte[] {(byte) 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A}, 0, png, 0, 8);
        problem(as(admin, get("/api/v1/versions/" + version + "/thumbnail"), null), 404);
        as(admin, post("/api/v1/versions/" + version + "/thumbnail"), png).andExpect(status().isNoContent());
        byte[] served = as(admin, get("/api/v1/versions/" + version + "/thumbnail"), null)
                .andExpect(status().isOk())
                .andExpect(header().string("Content-Type", "image/png"))
                .andReturn()
                .getResponse()
                .getContentAsByteArray();
        assertThat(served).isEqualTo(png);
        problem(
                as(
                        admin,
                        post("/api/v1/versions/" + version + "/thumbnail"),
                        "<svg onload=alert(1)>".getBytes(StandardCharsets.UTF_8)),
                400);
        byte[] huge = Arrays.copyOf(png, 65 * 1024);
        problem(as(admin, post("/api/v1/versions/" + version + "/thumbnail"), huge), 413);
        // The thumbnail is the preview of a format the viewer cannot show in 3D.
        as(admin, get("/api/v1/versions/" + version), null)
                .andExpect(jsonPath("$.thumbnail").value(true));
    }

    record Tree(String group, String workroom, String style) {}

    private Tree aTree(String region) throws Exception {
        String group = created(
                api.as(admin, post("/api/v1/groups"), "{\"name\": \"Maison\", \"region\": \"" + region + "\"}"));
        String company = created(api.as(admin, post("/api/v1/groups/" + group + "/companies"), "{\"name\": \"Co\"}"));
        String brand = created(api.as(admin, post("/api/v1/companies/" + company + "/brands"), "{\"name\": \"Br\"}"));
        String season = created(api.as(admin, post("/api/v1/brands/" + brand + "/seasons"), "{\"name\": \"SS\"}"));
        String workroom =
                created(api.as(admin, post("/api/v1/seasons/" + season + "/workrooms"), "{\"name\": \"Wr\"}"));
        String style =
                created(api.as(admin, post("/api/v1/workrooms/" + workroom + "/styles"), "{\"name\": \"Coat\"}"));
        return new Tree(group, workroom, style);
    }

    private Customers.Account granted(String node, Role role, boolean download) throws Exception {
        Customers.Account account = api.anInvitableCustomer(role.name().toLowerCase(Locale.ROOT));
        api.grant(admin, node, account, role, download, false);
        return account;
    }

    private ResultActions as(Customers.Account caller, MockHttpServletRequestBuilder request, byte[] body)
            throws Exception {
        request.with(caller.caller());
        if (body != null) {
            request.contentType(MediaType.APPLICATION_OCTET_STREAM).content(body);
        }
        return mvc.perform(request);
    }

    static byte[] bytes(int size, long seed) {
        byte[] bytes = new byte[size];
        new Random(seed).nextBytes(bytes);
        return bytes;
    }

    static String sha256(byte[] bytes) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    }
}
