package io.selvedge.web.shell;

import static org.assertj.core.api.Assertions.assertThat;

import io.selvedge.collab.Approvals;
import io.selvedge.content.Style;
import io.selvedge.content.StyleStatus;
import io.selvedge.content.Styles;
import io.selvedge.testing.Browser;
import io.selvedge.testing.BrowserSignIn;
import io.selvedge.testing.Customers;
import io.selvedge.testing.InChromium;
import io.selvedge.testing.SelvedgeIntegrationTest;
import java.net.URI;
import java.nio.file.Path;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The quick start in Chromium: platform staff create a customer's group and hand its first admin the
 * invitation link; the admin accepts it signed out, enrols MFA, builds company › brand › season ›
 * workroom from home, and finds them in the tree and the breadcrumbs; a notification is counted in the
 * header and cleared.
 */
@SelvedgeIntegrationTest
@Tag("store-independent")
class ShellBrowserIT extends InChromium {

    static final String PASSWORD = "selvage edge on a loom";

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    Styles styles;

    @Autowired
    Approvals approvals;

    @Test
    void staffStartAGroupAndItsAdminBuildsTheTreeFromHome(Browser.Window window) {
        String suffix = UUID.randomUUID().toString().substring(0, 8);
        String staffName = "operator-" + suffix;
        server.signingIn(UUID.randomUUID(), staffName, PASSWORD, "PLATFORM_ADMIN");
        BrowserSignIn.of(server::url, staffName, PASSWORD).signIn(window);

        // Staff: create the customer's group and read its invitation link off the page.
        String groupName = "Maison " + suffix;
        window.fill("#group-name", groupName).fill("#group-admin-email", "first-admin-" + suffix + "@example.com");
        window.click("form[action$='/platform/customer-groups'] button[type=submit]");
        String link = window.find("#invitation-link").getAttribute("href");
        assertThat(link).contains("/invitations/");
        assertThat(window.find("main").getText()).contains(groupName);
        // The answer was a redirect: reloading shows the form again, not the link, and creates nothing.
        assertThat(window.path()).isEqualTo("/");
        int groupsBefore = jdbc.queryForObject("select count(*) from group_residency", Integer.class);
        window.driver().navigate().refresh();
        window.waitForPath("/");
        assertThat(window.has("#invitation-link")).isFalse();
        assertThat(window.has("#group-name")).isTrue();
        assertThat(jdbc.queryForObject("select count(*) from group_residency", Integer.class))
                .isEqualTo(groupsBefore);
        window.assertNoConsoleErrors();
        window.click("header form[action$='/signout'] button");
        window.waitForPath("/signin");

        // Signed out: the link creates the customer's account.
        String adminName = "first-admin-" + suffix;
        // The link names the installation's public address; the test server listens on a server.port() of its own.
        window.go(server.url(URI.create(link).getPath()));
        window.fill("#username", adminName)
                .fill("#password", PASSWORD)
                .fill("#repeatedPassword", PASSWORD)
                .click("main form button[type=submit]");
        window.waitForPath("/signin");

        // The new group admin enrols MFA (group admins must), then builds the tree from home.
        BrowserSignIn.of(server::url, adminName, PASSWORD).signIn(window);
        window.waitForPath("/");
        window.waitForText("main h1", groupName);
        create(window, "form[action$='/companies']", "Atelier Nord");
        create(window, "form[action$='/brands']", "Linen Line");
        create(window, "form[action$='/seasons']", "Spring 2027");
        create(window, "form[action$='/workrooms']", "Shirts");
        String tree = window.find("#tree").getText();
        assertThat(tree).contains("Atelier Nord", "Linen Line", "Spring 2027", "Shirts");
        String workroomHref = window.find("#tree a[href*='/workrooms/']").getAttribute("href");
        UUID workroom = UUID.fromString(workroomHref.substring(workroomHref.lastIndexOf('/') + 1));

        // A node's page: its breadcrumbs run from the group down, the node itself last and current.
        window.click("#tree a[href*='/seasons/']");
        window.waitFor(driver -> window.path().startsWith("/seasons/"));
        List<String> crumbs = window.all("nav.crumbs li").stream()
                .map(li -> li.getText().strip())
                .toList();
        assertThat(crumbs).containsExactly(groupName, "Atelier Nord", "Linen Line", "Spring 2027");
        assertThat(window.find("nav.crumbs [aria-current=page]").getText()).isEqualTo("Spring 2027");
        assertThat(window.find("main").getText()).contains("Shirts");
        window.assertNoConsoleErrors();

        // A followed style's approval changes: the header counts it, the page lists it, marking clears it.
        UUID admin = jdbc.queryForObject("select id from account where username = ?", UUID.class, adminName);
        Style parka = styles.create(workroom, "Parka", "", List.of(), admin);
        styles.favour(parka.id(), admin);
        UUID reviewer = UUID.randomUUID();
        Customers.signingIn(jdbc, reviewer, "reviewer-" + suffix, null, null);
        approvals.record(parka.id(), StyleStatus.APPROVED, "", reviewer);
        window.waitFor(driver -> {
            window.go(server.url("/"));
            WebElement count = driver.findElement(By.id("unread-count"));
            return count.isDisplayed() && count.getText().equals("1");
        });
        assertThat(window.find("main").getText()).contains("Parka");
        window.screenshot(Path.of("target/screenshots/home.png"));
        window.assertNoConsoleErrors();

        window.click("#menu-notifications");
        window.waitForPath("/notifications");
        assertThat(window.find("header a[aria-current=page]").getAttribute("id"))
                .isEqualTo("menu-notifications");
        window.find(By.cssSelector(".shell-notification-list a[href='/styles/" + parka.id() + "']"));
        window.click("#mark-all-read");
        window.waitFor(driver -> !driver.findElement(By.id("unread-count")).isDisplayed());
        assertThat(window.has("#mark-all-read")).isFalse();
        window.go(server.url("/notifications"));
        assertThat(window.all("#unread-count").get(0).isDisplayed()).isFalse();
        window.assertNoConsoleErrors();
    }

    /** Fills the one form on home that creates this kind of node, and waits for the new name in the tree. */
    private static void create(Browser.Window window, String form, String name) {
        window.fill(form + " input[name=name]", name).click(form + " button[type=submit]");
        window.waitForText("#tree", name);
    }
}
