package io.selvedge.demo.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.selvedge.access.Role;
import io.selvedge.content.Style;
import io.selvedge.content.Styles;
import io.selvedge.platform.OperatorCommand;
import io.selvedge.tenancy.Tree;
import io.selvedge.testing.Browser;
import io.selvedge.testing.BrowserSignIn;
import io.selvedge.testing.InChromium;
import io.selvedge.testing.SelvedgeIntegrationTest;
import io.selvedge.testing.ViewerCanvas;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The demo customer in Chromium: its group admin signs in with the password {@code demo-data} printed, and
 * the viewer draws the generated garments of three styles (their pixels read back from the canvas).
 */
@SelvedgeIntegrationTest
class DemoDataBrowserIT extends InChromium {

    @Autowired
    List<OperatorCommand> commands;

    @Autowired
    Tree tree;

    @Autowired
    Styles styles;

    @Test
    void theGroupAdminSeesThreeDemoStylesDrawnInTheViewer(Browser.Window window) throws Exception {
        DemoData run = DemoData.run(commands, "--seed", "77");
        assertThat(run.exitCode()).as(run.output()).isZero();
        DemoData.Member admin = run.members().get(Role.GROUP_ADMIN);
        List<Style> made = DemoData.stylesOf(run.group(), tree, styles);

        BrowserSignIn.of(server::url, admin.username(), admin.password()).signIn(window);
        for (Style style : List.of(made.get(0), made.get(made.size() / 2), made.get(made.size() - 1))) {
            window.go(server.url("/styles/" + style.id()));
            window.find("[data-viewer][data-loaded=true]");
            assertThat(ViewerCanvas.drawnPixels(window))
                    .as("pixels of " + style.name() + " on the canvas")
                    .isGreaterThan(2_000);
        }
        window.screenshot(Path.of("target/screenshots/demo-style.png"));
        window.assertNoConsoleErrors();
    }
}
