package io.selvedge.content.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.selvedge.content.ContentProperties;
import io.selvedge.content.RenderProperties;
import io.selvedge.content.Renders;
import io.selvedge.content.Style;
import io.selvedge.content.Version;
import io.selvedge.crypto.GroupFiles;
import io.selvedge.storage.GroupDataPlanes;
import io.selvedge.storage.GroupWrites;
import io.selvedge.storage.Stores;
import io.selvedge.testing.ContentServices;
import io.selvedge.testing.MovableClock;
import io.selvedge.testing.SelvedgeIntegrationTest;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationEventPublisher;

/**
 * The first viewer of a 3D version is asked to render it, the viewers after it are not; once the asked
 * viewer has let the wait pass without sending it, the scheduled job marks the version and the next viewer is
 * asked. The job runs on the real stores with a clock the test moves.
 */
@SelvedgeIntegrationTest
class UnrenderedVersionsIT extends ContentServices {

    @Autowired
    Renders renders;

    @Autowired
    UnrenderedVersions job;

    @Autowired
    RenderProperties properties;

    @Autowired
    ContentProperties content;

    @Autowired
    VersionRepository versionRows;

    @Autowired
    RenderRepository rows;

    @Autowired
    ColorwayRepository colorways;

    @Autowired
    GroupWrites writes;

    @Autowired
    GroupDataPlanes planes;

    @Autowired
    GroupFiles files;

    @Autowired
    Stores stores;

    @Autowired
    ApplicationEventPublisher events;

    final UUID actor = UUID.randomUUID();

    @Test
    void aRenderNotSentWithinTheWaitIsAskedOfTheNextViewer() throws Exception {
        Style style = aStyle(actor);
        Version model = upload(style, "coat.glb");

        assertThat(renders.ask(model.id(), null)).as("the first viewer").isTrue();
        assertThat(renders.ask(model.id(), null))
                .as("the next, while the first renders")
                .isFalse();

        job.markUnrendered(); // the application's wait has not passed
        assertThat(renders.ask(model.id(), null)).isFalse();

        MovableClock clock = new MovableClock();
        clock.advance(properties.deliverWithin().plus(Duration.ofMinutes(1)));
        assertThat(later(clock).markUnrendered()).isGreaterThanOrEqualTo(1);
        assertThat(renders.ask(model.id(), null))
                .as("the viewer after the wait")
                .isTrue();

        renders.store(model.id(), null, 24, new ByteArrayInputStream(turntable(24, 120, 90)), -1, actor);
        later(clock).markUnrendered();
        assertThat(renders.ask(model.id(), null)).as("once rendered").isFalse();
    }

    @Test
    void aFileTheViewerCannotShowIsNeverAsked() throws Exception {
        Version pattern = upload(aStyle(actor), "coat.zprj");

        assertThat(renders.ask(pattern.id(), null)).isFalse();
    }

    /** The render service with the job's clock moved past the wait. */
    private RenderService later(MovableClock clock) {
        return new RenderService(
                versions,
                versionRows,
                rows,
                colorways,
                writes,
                planes,
                files,
                stores,
                content,
                properties,
                events,
                clock);
    }

    /** Grey frames side by side, as a browser sends them. */
    private static byte[] turntable(int frames, int width, int height) throws java.io.IOException {
        java.awt.image.BufferedImage image =
                new java.awt.image.BufferedImage(frames * width, height, java.awt.image.BufferedImage.TYPE_INT_RGB);
        java.io.ByteArrayOutputStream png = new java.io.ByteArrayOutputStream();
        javax.imageio.ImageIO.write(image, "png", png);
        return png.toByteArray();
    }

    private Version upload(Style style, String filename) throws Exception {
        byte[] body = "glTF".getBytes(StandardCharsets.US_ASCII);
        return versions.upload(style.id(), filename, null, body.length, new ByteArrayInputStream(body), actor);
    }
}
