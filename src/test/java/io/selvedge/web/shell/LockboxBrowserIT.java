package io.selvedge.web.shell;

import static org.assertj.core.api.Assertions.assertThat;

import io.selvedge.tenancy.Groups;
import io.selvedge.testing.Browser;
import io.selvedge.testing.BrowserSignIn;
import io.selvedge.testing.InChromium;
import io.selvedge.testing.SelvedgeIntegrationTest;
import java.util.UUID;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.support.ui.Select;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Customer Lockbox in Chromium: a support staff member asks for the admin console of a group on the staff page;
 * the group's admin sees the request in their admin console and approves it; back on the staff member's page
 * the request is open and every page carries the banner naming it.
 */
@SelvedgeIntegrationTest
@Tag("store-independent")
class LockboxBrowserIT extends InChromium {

    static final String PASSWORD = "selvage edge on a loom";

    @Autowired
    Groups groups;

    @Test
    void aRequestFromTheStaffPageIsApprovedByTheGroupAdminAndShowsTheBanner(Browser.Window staffWindow)
            throws Exception {
        UUID adminId = UUID.randomUUID();
        String admin = "lockbox-admin-" + adminId.toString().substring(0, 8);
        server.signingIn(adminId, admin, PASSWORD, null);
        UUID group = groups.create("Maison Lockbox", "eu", adminId).id();
        UUID staffId = UUID.randomUUID();
        String staff = "lockbox-support-" + staffId.toString().substring(0, 8);
        server.signingIn(staffId, staff, PASSWORD, "SUPPORT");

        BrowserSignIn.of(server::url, staff, PASSWORD).signIn(staffWindow);
        staffWindow.go(server.url("/"));
        staffWindow.click("#access-requests-link");
        staffWindow.waitForPath("/platform/access-requests");
        assertThat(staffWindow.has("#staff-access-banner")).isFalse();
        staffWindow.fill("#access-group", group.toString());
        new Select(staffWindow.find("#access-scope")).selectByValue("ADMIN_CONSOLE_READ_ONLY");
        staffWindow.fill("#access-reason", "The customer cannot see their audit trail");
        staffWindow.fill("#access-ticket", "SUP-4242");
        staffWindow.fill("#access-minutes", "90");
        staffWindow.click("#ask button[type=submit]");
        staffWindow.waitForPath("/platform/access-requests");
        staffWindow.find("#notice");
        assertThat(staffWindow.find("#my-requests tbody tr .status").getText()).isEqualTo("Waiting for a decision");

        Browser.Window adminWindow = browser.openIn("en");
        BrowserSignIn.of(server::url, admin, PASSWORD).signIn(adminWindow);
        adminWindow.go(server.url("/admin/groups/" + group + "/access-requests"));
        assertThat(adminWindow.find("#access-requests tbody tr").getText())
                .contains(staff)
                .contains("SUP-4242")
                .contains("Waiting for a decision");
        adminWindow.click("#access-requests tbody tr form[action$='/approve'] button");
        adminWindow.find("#approved");
        assertThat(adminWindow.find("#access-requests tbody tr .status").getText())
                .isEqualTo("Open");
        adminWindow.assertNoConsoleErrors();

        staffWindow.go(server.url("/platform/access-requests"));
        assertThat(staffWindow.find("#my-requests tbody tr .status").getText()).isEqualTo("Open");
        assertThat(staffWindow.find("#staff-access-banner").getText()).contains(group.toString());
        staffWindow.go(server.url("/admin/groups/" + group + "/audit"));
        assertThat(staffWindow.find("#staff-access-banner").getText()).contains(group.toString());
        staffWindow.assertNoConsoleErrors();
    }
}
