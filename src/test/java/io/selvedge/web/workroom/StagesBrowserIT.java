package io.selvedge.web.workroom;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import io.selvedge.access.Role;
import io.selvedge.content.Styles;
import io.selvedge.testing.ApiCalls;
import io.selvedge.testing.Browser;
import io.selvedge.testing.BrowserSignIn;
import io.selvedge.testing.Customers.Account;
import io.selvedge.testing.InChromium;
import io.selvedge.testing.SelvedgeIntegrationTest;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.Select;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Workflow stages in Chromium (issue 21): a brand admin moves a style to Fit from its page and sees the move in
 * its history; the workroom's grid colours the card by its stage and filters by stage; an editor, whom
 * "Approved for production" does not admit, is refused with a page that says so, and the style stays.
 */
@SelvedgeIntegrationTest
@Tag("store-independent")
class StagesBrowserIT extends InChromium {

    static final String PASSWORD = "selvage edge on a loom";

    @Autowired
    ApiCalls api;

    @Autowired
    Styles styles;

    @Test
    void aStyleMovesToAStageItsRoleAdmitsIsRefusedOneItDoesNotAndTheGridFiltersByStage(Browser.Window window)
            throws Exception {
        Account owner = api.customers().aCustomer("stages-owner");
        ApiCalls.Tree tree = api.aTree(owner, "eu");
        String parka = style(owner, tree.workroom(), "Parka");
        String anorak = style(owner, tree.workroom(), "Anorak");
        Account merchandiser = api.anInvitableCustomer("merchandiser", PASSWORD);
        api.grant(owner, tree.brand(), merchandiser, Role.BRAND_ADMIN, false, false);
        Account maker = api.anInvitableCustomer("maker", PASSWORD);
        api.grant(owner, tree.workroom(), maker, Role.EDITOR, false, false);

        BrowserSignIn.of(server::url, merchandiser.username(), PASSWORD).signIn(window);
        window.go(server.url("/styles/" + parka));
        assertThat(window.find("#style-stage .stage-name").getText()).isEqualTo("In development");
        new Select(window.find("#stage-choice")).selectByValue("fit");
        window.click("form.stage-move button[type=submit]");
        window.waitForText(".notice", "The style moved to its new stage.");
        window.waitForText("#style-stage .stage-history", "In development → Fit");
        assertThat(window.find("#style-stage .stage-history").getText()).contains(merchandiser.username());
        assertThat(window.find("#style-stage .stage-name").getText()).isEqualTo("Fit");

        window.go(server.url("/workrooms/" + tree.workroom()));
        String card = "li.style-card[data-style='" + parka + "']";
        assertThat(window.find(card + " .badge.stage").getText()).isEqualTo("Fit");
        assertThat(window.script("return getComputedStyle(document.querySelector(arguments[0])).borderTopColor;", card))
                .isEqualTo("rgb(138, 92, 194)"); // Fit's #8a5cc2
        new Select(window.find("#filter-stage")).selectByValue("fit");
        window.click("#style-filter button[type=submit]");
        window.waitFor(driver -> names(driver).equals(List.of("Parka")));
        new Select(window.find("#filter-stage")).selectByValue("in-development");
        window.click("#style-filter button[type=submit]");
        window.waitFor(driver -> names(driver).equals(List.of("Anorak")));
        assertThat(window.has("li.style-card[data-style='" + anorak + "']")).isTrue();

        window.driver().manage().deleteAllCookies();
        BrowserSignIn.of(server::url, maker.username(), PASSWORD).signIn(window);
        window.go(server.url("/styles/" + parka));
        new Select(window.find("#stage-choice")).selectByValue("approved-for-production");
        window.click("form.stage-move button[type=submit]");
        window.waitForText("main .problem", "Your role may not move a style into this stage.");
        assertThat(window.find("h1").getText()).isEqualTo("Not moved");
        assertThat(styles.get(UUID.fromString(parka)).stage()).isEqualTo("fit");
        // The refusal's own 403 is the one failed load the console may report.
        assertThat(window.consoleMessages())
                .filteredOn(message -> !message.contains("status of 403"))
                .noneMatch(message -> message.startsWith("SEVERE"));
    }

    private static List<String> names(org.openqa.selenium.WebDriver driver) {
        return driver.findElements(By.cssSelector("li.style-card .style-name")).stream()
                .map(element -> element.getText())
                .toList();
    }

    private String style(Account owner, String workroom, String name) throws Exception {
        return ApiCalls.created(
                api.as(owner, post("/api/v1/workrooms/" + workroom + "/styles"), "{\"name\": \"" + name + "\"}"));
    }
}
