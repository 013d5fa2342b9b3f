package io.selvedge.content;

import static io.selvedge.testing.ApiCalls.created;
import static io.selvedge.testing.ApiCalls.problem;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.jayway.jsonpath.JsonPath;
import io.selvedge.testing.ApiCalls.Tree;
import io.selvedge.testing.AsACustomerAdmin;
import io.selvedge.testing.SelvedgeIntegrationTest;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.test.context.event.ApplicationEvents;
import org.springframework.test.context.event.RecordApplicationEvents;

/**
 * A glTF version that carries KHR_materials_variants (as CLO exports all colourways) gives its style the
 * colorways it names when it is stored, matched by name with those the style has; a malformed file is still
 * a version, with no colorways read from it. An OBJ export with one material file per colourway is one
 * version, each .mtl added to it giving the style a colorway.
 */
@SelvedgeIntegrationTest
@RecordApplicationEvents
class ColorwaysFromFileIT extends AsACustomerAdmin {

    @org.springframework.beans.factory.annotation.Autowired
    ApplicationEvents events;

    @Test
    void theVariantsOfAGlbBecomeColorwaysMatchedByNameOnTheNextVersion() throws Exception {
        Tree tree = api.aTree(admin, "eu");
        String style = aStyle(tree.workroom());
        // Made by hand before the file came: the file's "Rust" is this one, whatever the case.
        created(api.as(
                admin,
                post("/api/v1/styles/" + style + "/colorways"),
                "{\"name\": \"RUST\", \"swatch\": \"#7a1f0a\"}"));
        byte[] tee = Files.readAllBytes(Path.of("samples/tee-colorways.glb"));

        String version = upload(style, "tee-colorways.glb", tee);

        List<Map<String, Object>> colorways = colorways(style);
        assertThat(colorways).extracting(c -> c.get("name")).containsExactly("RUST", "Indigo", "Ecru");
        assertThat(colorways)
                .filteredOn(c -> c.get("name").equals("Ecru"))
                .singleElement()
                .satisfies(c -> {
                    assertThat(c.get("swatch")).isEqualTo("#e7dfcb");
                    assertThat(c.get("status")).isEqualTo("IN_REVIEW");
                });
        assertThat(colorways)
                .filteredOn(c -> c.get("name").equals("RUST"))
                .singleElement()
                .satisfies(c -> assertThat(c.get("swatch")).isEqualTo("#7a1f0a"));
        assertThat(events.stream(ColorwayCreated.class)
                        .filter(e -> e.styleId().toString().equals(style) && e.versionId() != null))
                .hasSize(2)
                .allSatisfy(e -> assertThat(e.versionId().toString()).isEqualTo(version));

        upload(style, "tee-colorways-v2.glb", tee);

        assertThat(colorways(style)).hasSize(3);
    }

    @Test
    void aMalformedGlbIsStillAVersionWithoutColorways() throws Exception {
        Tree tree = api.aTree(admin, "eu");
        String style = aStyle(tree.workroom());
        byte[] tee = Files.readAllBytes(Path.of("samples/tee-colorways.glb"));

        upload(style, "cut.glb", Arrays.copyOf(tee, 300));
        upload(
                style,
                "noise.glb",
                "glTF but then nothing that is one".getBytes(java.nio.charset.StandardCharsets.UTF_8));
        upload(
                style,
                "broken.gltf",
                "{\"extensions\": {\"KHR_materials_variants\": ".getBytes(java.nio.charset.StandardCharsets.UTF_8));

        assertThat(colorways(style)).isEmpty();
        api.as(admin, get("/api/v1/styles/" + style + "/versions"), null)
                .andExpect(jsonPath("$.items.length()").value(3));
    }

    @Test
    void anObjWithOneMaterialFilePerColourwayIsOneVersionWithAColorwayPerFile() throws Exception {
        Tree tree = api.aTree(admin, "eu");
        String style = aStyle(tree.workroom());
        String version = upload(style, "tee-colorways.obj", Files.readAllBytes(Path.of("samples/tee-colorways.obj")));
        String materials = "/api/v1/versions/" + version + "/materials";

        for (String colourway : List.of("Indigo", "Rust")) {
            String file = "tee-colorways_" + colourway + ".mtl";
            api.asBytes(admin, post(materials + "?filename=" + file), Files.readAllBytes(Path.of("samples", file)))
                    .andExpect(status().isCreated())
                    .andExpect(jsonPath("$.filename").value(file))
                    .andExpect(jsonPath("$.colorwayId").isNotEmpty());
        }

        api.as(admin, get("/api/v1/styles/" + style + "/versions"), null)
                .andExpect(jsonPath("$.items.length()").value(1));
        assertThat(colorways(style)).extracting(c -> c.get("name")).containsExactly("Indigo", "Rust");
        assertThat(colorways(style))
                .filteredOn(c -> c.get("name").equals("Rust"))
                .singleElement()
                .satisfies(c -> assertThat(c.get("swatch")).isEqualTo("#c46138"));
        String listed = api.as(admin, get(materials), null)
                .andExpect(jsonPath("$.items.length()").value(2))
                .andReturn()
                .getResponse()
                .getContentAsString();
        String rust = JsonPath.read(listed, "$.items[1].id");
        assertThat(api.as(admin, get(materials + "/" + rust), null)
                        .andExpect(status().isOk())
                        .andReturn()
                        .getResponse()
                        .getContentAsString())
                .contains("newmtl Jersey", "Kd 0.7674");
        assertThat(events.stream(VersionMaterialAdded.class)
                        .filter(e -> e.versionId().toString().equals(version)))
                .hasSize(2);

        byte[] ecru = Files.readAllBytes(Path.of("samples/tee-colorways_Ecru.mtl"));
        problem(api.asBytes(admin, post(materials + "?filename=tee-colorways_Rust.mtl"), ecru), 409);
        problem(api.asBytes(admin, post(materials + "?filename=ecru.txt"), ecru), 400);
        problem(
                api.asBytes(admin, post(materials + "?filename=ecru.mtl"), new byte[] {(byte) 0xff, (byte) 0xfe, 0}),
                400);
        problem(
                api.asBytes(admin, post(materials + "?filename=ecru.mtl"), new byte[VersionMaterials.MAX_SIZE + 1]),
                413);
        String glb = upload(style, "tee.glb", Files.readAllBytes(Path.of("samples/tee.glb")));
        problem(api.asBytes(admin, post("/api/v1/versions/" + glb + "/materials?filename=ecru.mtl"), ecru), 409);
        assertThat(colorways(style)).hasSize(2);
    }

    private String upload(String style, String filename, byte[] file) throws Exception {
        return created(api.asBytes(admin, post("/api/v1/styles/" + style + "/versions?filename=" + filename), file));
    }

    private List<Map<String, Object>> colorways(String style) throws Exception {
        String body = api.as(admin, get("/api/v1/styles/" + style + "/colorways"), null)
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString();
        return JsonPath.read(body, "$.items");
    }

    private String aStyle(String workroom) throws Exception {
        return created(api.as(
                admin, post("/api/v1/workrooms/" + workroom + "/styles"), "{\"name\": \"Boxy tee\", \"tags\": []}"));
    }
}
