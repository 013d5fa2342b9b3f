package io.selvedge.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.selvedge.access.Grants;
import io.selvedge.access.Role;
import io.selvedge.content.Style;
import io.selvedge.platform.AuditActor;
import io.selvedge.storage.Stores;
import io.selvedge.tenancy.NodeKind;
import io.selvedge.testing.ContentServices;
import io.selvedge.testing.Customers;
import io.selvedge.testing.SelvedgeIntegrationTest;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;

/**
 * Breadcrumbs name only what the caller may see: all the way down for an admin; the group, then the
 * workroom down, for the workroom's viewer; nothing for an outsider.
 */
@SelvedgeIntegrationTest
class BreadcrumbsIT extends ContentServices {

    @Autowired
    Breadcrumbs breadcrumbs;

    @Autowired
    Grants grants;

    @Autowired
    Stores stores;

    @AfterEach
    void signOut() {
        SecurityContextHolder.clearContext();
    }

    @Test
    void eachCallerSeesTheCrumbsTheyMayOpen() {
        Customers customers = new Customers(stores);
        Customers.Account admin = customers.aCustomer("crumbs-admin");
        Customers.Account viewer = customers.aCustomer("crumbs-viewer");
        Customers.Account outsider = customers.aCustomer("crumbs-outsider");
        actAs(admin);
        UUID group = groups.create("Maison Crumbs", "eu", admin.id()).id();
        UUID company = tree.create(NodeKind.COMPANY, group, "Atelier", AuditActor.account(admin.id()))
                .id();
        UUID brand = tree.create(NodeKind.BRAND, company, "Linen", AuditActor.account(admin.id()))
                .id();
        UUID season = tree.create(NodeKind.SEASON, brand, "Spring", AuditActor.account(admin.id()))
                .id();
        UUID workroom = tree.create(NodeKind.WORKROOM, season, "Shirts", AuditActor.account(admin.id()))
                .id();
        Style style = styles.create(workroom, "Oxford", "", List.of(), admin.id());
        grants.grant(workroom, viewer.id(), Role.VIEWER, false, false);

        assertThat(breadcrumbs.of(style.id()))
                .containsExactly(
                        new Crumb("Maison Crumbs", "/?group=" + group),
                        new Crumb("Atelier", "/companies/" + company),
                        new Crumb("Linen", "/brands/" + brand),
                        new Crumb("Spring", "/seasons/" + season),
                        new Crumb("Shirts", "/workrooms/" + workroom),
                        new Crumb("Oxford", "/styles/" + style.id()));

        // Every member sees the group's name (VIEW_GROUP); a workroom's viewer sees nothing between.
        actAs(viewer);
        assertThat(breadcrumbs.of(style.id()))
                .containsExactly(
                        new Crumb("Maison Crumbs", "/?group=" + group),
                        new Crumb("Shirts", "/workrooms/" + workroom),
                        new Crumb("Oxford", "/styles/" + style.id()));
        assertThat(breadcrumbs.of(season)).isEmpty();

        actAs(outsider);
        assertThat(breadcrumbs.of(style.id())).isEmpty();
        assertThat(breadcrumbs.of(UUID.randomUUID())).isEmpty();
    }

    private static void actAs(Customers.Account account) {
        SecurityContextHolder.getContext()
                .setAuthentication(
                        UsernamePasswordAuthenticationToken.authenticated(account.username(), null, List.of()));
    }
}
