package io.selvedge.demo.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.selvedge.platform.SelvedgeEnvironment;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The generated garments are valid glTF 2.0 with real shape, and a seed always gives the same ones. */
class GarmentsTest {

    @Test
    void everyGarmentOfTheDemoIsAValidGltfBinaryWithUnitNormalsAndASheenMaterial() {
        List<Garment> garments = DemoPlan.of(7).styles().stream()
                .flatMap(s -> s.versions().stream())
                .toList();
        assertThat(garments.size()).isGreaterThanOrEqualTo(32);
        for (Garment garment : garments) {
            int vertices = GlbFile.read(garment.glb()).check();
            assertThat(vertices).as("a shaped garment, not a box").isGreaterThan(2_000);
        }
    }

    @Test
    void everyKindHasABodyTallerThanWideAndSleevesReachingOut() {
        for (GarmentKind kind : GarmentKind.values()) {
            GlbFile glb = GlbFile.read(Garments.make(kind, new Random(3)).glb());
            glb.check();
            var min = glb.json().path("accessors").get(0).path("min");
            var max = glb.json().path("accessors").get(0).path("max");
            double width = max.get(0).asDouble() - min.get(0).asDouble();
            double height = max.get(1).asDouble() - min.get(1).asDouble();
            double depth = max.get(2).asDouble() - min.get(2).asDouble();
            assertThat(height).as(kind + " height").isGreaterThan(0.6);
            assertThat(width)
                    .as(kind + " sleeves span wider than the body is deep")
                    .isGreaterThan(1.3 * depth);
        }
    }

    @Test
    void theSameSeedMakesTheSameNamesAndTheSameBytesAndAnotherSeedOthers() {
        DemoPlan once = DemoPlan.of(42);
        DemoPlan again = DemoPlan.of(42);
        DemoPlan other = DemoPlan.of(43);
        assertThat(again.groupName()).isEqualTo(once.groupName());
        assertThat(again.members()).isEqualTo(once.members());
        assertThat(names(again)).isEqualTo(names(once));
        for (int s = 0; s < once.styles().size(); s++) {
            List<Garment> a = once.styles().get(s).versions();
            List<Garment> b = again.styles().get(s).versions();
            assertThat(b).hasSameSizeAs(a);
            for (int v = 0; v < a.size(); v++) {
                assertThat(b.get(v).glb()).isEqualTo(a.get(v).glb());
            }
            assertThat(again.styles().get(s).comments().stream()
                            .map(DemoPlan.Comment::body)
                            .toList())
                    .isEqualTo(once.styles().get(s).comments().stream()
                            .map(DemoPlan.Comment::body)
                            .toList());
        }
        assertThat(names(other)).isNotEqualTo(names(once));
        assertThat(other.members()).isNotEqualTo(once.members());
    }

    @Test
    void productionAndStagingRefuseTheCommandBeforeTouchingAnything() {
        for (SelvedgeEnvironment environment : List.of(SelvedgeEnvironment.PRODUCTION, SelvedgeEnvironment.STAGING)) {
            ByteArrayOutputStream printed = new ByteArrayOutputStream();
            // No stores and no services: a refusal must not need them.
            int exit = new DemoDataCommand(environment, URI.create("https://localhost:8443"), null, null)
                    .run(List.of("--seed", "1"), new PrintStream(printed, true, StandardCharsets.UTF_8));
            assertThat(exit).isEqualTo(DemoDataCommand.FAILED);
            assertThat(printed.toString(StandardCharsets.UTF_8))
                    .contains("refused in the " + environment.id() + " environment");
        }
    }

    private static List<String> names(DemoPlan plan) {
        return plan.styles().stream().map(DemoPlan.Style::name).toList();
    }
}
