package io.selvedge.web.admin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import io.selvedge.access.Grants;
import io.selvedge.access.Role;
import io.selvedge.storage.Stores;
import io.selvedge.testing.AsACustomerAdmin;
import io.selvedge.testing.Customers.Account;
import io.selvedge.testing.SelvedgeIntegrationTest;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.core.authority.FactorGrantedAuthority;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/**
 * Who reaches which page of the admin console, through the whole filter chain: a group operator reads but
 * changes nothing (403), a brand admin sees none of it (403: they see the group), a stranger not even that it
 * exists (404).
 */
@SelvedgeIntegrationTest
class AdminPagesIT extends AsACustomerAdmin {

    @Autowired
    Grants grants;

    @Autowired
    Stores stores;

    String group;
    String brand;

    @BeforeEach
    void aGroupWithABrand() throws Exception {
        group = api.aGroup(admin, "Maison", "eu");
        String company = api.node(admin, "groups", group, "companies", "C");
        brand = api.node(admin, "companies", company, "brands", "B");
    }

    @Test
    void anOperatorReadsEverySectionAndChangesNothing() throws Exception {
        Account operator = granted(group, Role.GROUP_OPERATOR);
        for (String section : new String[] {"members", "invitations", "security", "audit", "developer", "usage"}) {
            mvc.perform(get(page(section)).with(signedIn(operator))).andExpect(status().isOk());
        }
        String members = mvc.perform(get(page("members")).with(signedIn(operator)))
                .andReturn()
                .getResponse()
                .getContentAsString();
        assertThat(members).doesNotContain("id=\"grant\"").doesNotContain("/revoke");
        String security = mvc.perform(get(page("security")).with(signedIn(operator)))
                .andReturn()
                .getResponse()
                .getContentAsString();
        assertThat(security).contains("id=\"read-only\"").doesNotContain("save-policy");

        mvc.perform(post(page("security"))
                        .with(signedIn(operator))
                        .with(csrf())
                        .param("mfaRequired", "false")
                        .param("signIn", "password"))
                .andExpect(status().isForbidden());
        mvc.perform(post(page("members"))
                        .with(signedIn(operator))
                        .with(csrf())
                        .param("username", operator.username())
                        .param("nodeId", group)
                        .param("role", Role.GROUP_ADMIN.name()))
                .andExpect(status().isForbidden());
        mvc.perform(post(page("invitations"))
                        .with(signedIn(operator))
                        .with(csrf())
                        .param("email", "someone@example.com")
                        .param("nodeId", group)
                        .param("role", Role.GROUP_OPERATOR.name()))
                .andExpect(status().isForbidden());
        mvc.perform(post(page("members/" + admin.id() + "/mfa-reset"))
                        .with(signedIn(operator))
                        .with(csrf()))
                .andExpect(status().isForbidden());
        mvc.perform(get(page("audit")).with(signedIn(operator)).param("from", "yesterday"))
                .andExpect(status().isBadRequest());
        assertThat(grants.grantsIn(UUID.fromString(group)))
                .noneMatch(grant -> grant.accountId().equals(operator.id()) && grant.role() == Role.GROUP_ADMIN);
    }

    @Test
    void aBrandAdminIsRefusedAndAStrangerFindsNothing() throws Exception {
        Account brandAdmin = granted(brand, Role.BRAND_ADMIN);
        mvc.perform(get(page("security")).with(signedIn(brandAdmin))).andExpect(status().isForbidden());
        mvc.perform(get(page("members")).with(signedIn(brandAdmin))).andExpect(status().isForbidden());
        mvc.perform(get(page("audit")).with(signedIn(brandAdmin))).andExpect(status().isForbidden());
        Account stranger = customers.aCustomer("stranger");
        mvc.perform(get(page("members")).with(signedIn(stranger))).andExpect(status().isNotFound());
        mvc.perform(get(page("usage")).with(signedIn(stranger))).andExpect(status().isNotFound());
        mvc.perform(get("/admin/groups/" + UUID.randomUUID() + "/members").with(signedIn(stranger)))
                .andExpect(status().isNotFound());
    }

    @Test
    void anOutsiderGivenARoleByUsernameIsInvitedAndAnUnknownNameIsAnsweredAlike() throws Exception {
        String invited = "If this person has an account, they have been invited.";
        // A group admin must use MFA on the web pages: this one has.
        new JdbcTemplate(stores.global().dataSource())
                .update("update account set mfa_enrolled = true where id = ?", admin.id());
        Account outsider = api.anInvitableCustomer("outsider");
        grantByForm(outsider.username(), group, Role.GROUP_OPERATOR)
                .andExpect(flash().attribute("notice", invited))
                .andExpect(flash().attributeCount(1));
        assertThat(grants.grantsIn(UUID.fromString(group)))
                .noneMatch(grant -> grant.accountId().equals(outsider.id()));
        assertThat(api.mailbox()
                        .awaitLast(outsider.username() + "@customers.test", "invited", 1)
                        .secretOf("/invitations/"))
                .isNotBlank();

        grantByForm("nobody-" + UUID.randomUUID(), group, Role.GROUP_OPERATOR)
                .andExpect(flash().attribute("notice", invited))
                .andExpect(flash().attributeCount(1));

        // A member of the group is given the role at once.
        Account member = granted(brand, Role.BRAND_COLLABORATOR);
        grantByForm(member.username(), brand, Role.BRAND_ADMIN)
                .andExpect(flash().attribute("notice", "The role is given."));
        assertThat(grants.grantsIn(UUID.fromString(group)))
                .anyMatch(grant -> grant.accountId().equals(member.id()) && grant.role() == Role.BRAND_ADMIN);
    }

    private org.springframework.test.web.servlet.ResultActions grantByForm(String username, String node, Role role)
            throws Exception {
        return mvc.perform(post(page("members"))
                        .with(user(admin.username())
                                .authorities(
                                        FactorGrantedAuthority.fromAuthority(FactorGrantedAuthority.PASSWORD_AUTHORITY),
                                        FactorGrantedAuthority.fromAuthority("FACTOR_TOTP")))
                        .with(csrf())
                        .param("username", username)
                        .param("nodeId", node)
                        .param("role", role.name()))
                .andExpect(redirectedUrl(page("members")));
    }

    /** As the account signed in on the web pages with its password (an operator needs no second factor). */
    private static RequestPostProcessor signedIn(Account account) {
        return user(account.username())
                .authorities(FactorGrantedAuthority.fromAuthority(FactorGrantedAuthority.PASSWORD_AUTHORITY));
    }

    private String page(String section) {
        return "/admin/groups/" + group + "/" + section;
    }

    private Account granted(String node, Role role) throws Exception {
        // Granted by id, so invited (it is nobody's member yet) and accepted (issue 15).
        return api.granted(admin, node, role);
    }
}
