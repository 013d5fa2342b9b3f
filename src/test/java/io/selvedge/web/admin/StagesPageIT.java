package io.selvedge.web.admin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import io.selvedge.access.Role;
import io.selvedge.content.Stage;
import io.selvedge.content.Stages;
import io.selvedge.content.Styles;
import io.selvedge.storage.Stores;
import io.selvedge.testing.ApiCalls;
import io.selvedge.testing.AsACustomerAdmin;
import io.selvedge.testing.Customers.Account;
import io.selvedge.testing.SelvedgeIntegrationTest;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.core.authority.FactorGrantedAuthority;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/**
 * The admin console's workflow stages: a group admin reorders, renames, adds and removes stages; removing one
 * that a style is in is refused on the console's error page; a group operator may not open the section.
 */
@SelvedgeIntegrationTest
class StagesPageIT extends AsACustomerAdmin {

    @Autowired
    Stages stages;

    @Autowired
    Styles styles;

    @Autowired
    Stores stores;

    @Test
    void aGroupAdminReordersRenamesAddsAndRemovesStages() throws Exception {
        ApiCalls.Tree tree = api.aTree(admin, "eu");
        UUID group = UUID.fromString(tree.group());
        styles.create(UUID.fromString(tree.workroom()), "Coat", "", List.of(), admin.id());
        // A group admin must use MFA on the web pages: this one has.
        new JdbcTemplate(stores.global().dataSource())
                .update("update account set mfa_enrolled = true where id = ?", admin.id());
        String page = "/admin/groups/" + group + "/stages";

        String shown = mvc.perform(get(page).with(asAdmin()))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString();
        assertThat(shown).contains("Sales sample", "Approved for production", "id=\"add-stage\"");

        send(page, post(page + "/fit/up"));
        send(
                page,
                post(page + "/fit")
                        .param("name", "First fit")
                        .param("colour", "#AA0000")
                        .param("roles", "BRAND_ADMIN", "EDITOR"));
        send(
                page,
                post(page).param("name", "Wash test").param("colour", "#00aa00").param("roles", "COMPANY_ADMIN"));
        send(page, post(page + "/dropped/remove"));

        List<Stage> now = stages.of(group);
        assertThat(now)
                .extracting(Stage::name)
                .containsExactly(
                        "In development", "First fit", "Proto", "Sales sample", "Approved for production", "Wash test");
        assertThat(now.get(1).colour()).isEqualTo("#aa0000");
        assertThat(now.get(1).roles()).containsExactlyInAnyOrder(Role.BRAND_ADMIN, Role.EDITOR);

        // The style is in the first stage: it stays, and the page says why.
        String refused = mvc.perform(
                        post(page + "/in-development/remove").with(asAdmin()).with(csrf()))
                .andExpect(status().isConflict())
                .andReturn()
                .getResponse()
                .getContentAsString();
        assertThat(refused).contains("move them to another stage first");
        mvc.perform(post(page + "/proto")
                        .with(asAdmin())
                        .with(csrf())
                        .param("name", "P")
                        .param("colour", "green"))
                .andExpect(status().isBadRequest());
        assertThat(stages.of(group)).hasSize(6);

        Account operator = api.granted(admin, tree.group(), Role.GROUP_OPERATOR);
        mvc.perform(get(page).with(signedIn(operator))).andExpect(status().isForbidden());
    }

    /** A form of the page, sent as the admin: back to the page, saved. */
    private ResultActions send(String page, MockHttpServletRequestBuilder request) throws Exception {
        return mvc.perform(request.with(asAdmin()).with(csrf())).andExpect(redirectedUrl(page + "?saved"));
    }

    /** The admin signed in with a password and a second factor. */
    private RequestPostProcessor asAdmin() {
        return user(admin.username())
                .authorities(
                        FactorGrantedAuthority.fromAuthority(FactorGrantedAuthority.PASSWORD_AUTHORITY),
                        FactorGrantedAuthority.fromAuthority("FACTOR_TOTP"));
    }

    private static RequestPostProcessor signedIn(Account account) {
        return user(account.username())
                .authorities(FactorGrantedAuthority.fromAuthority(FactorGrantedAuthority.PASSWORD_AUTHORITY));
    }
}
