package io.selvedge.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import io.selvedge.audit.AuditEntry;
import io.selvedge.audit.AuditFilter;
import io.selvedge.audit.AuditTrail;
import io.selvedge.protection.Blocks;
import io.selvedge.storage.Stores;
import io.selvedge.testing.ApiCalls;
import io.selvedge.testing.Customers;
import io.selvedge.testing.SelvedgeIntegrationTest;
import io.selvedge.testing.Trails;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.FactorGrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/**
 * {@code /api/v1/admin/blocks} and the staff page {@code /platform/blocks}: staff whose role allows it list,
 * add and lift blocks, each addition and lifting on the platform trail with the staff member as actor; a
 * customer is refused, and a malformed address answers a problem document.
 */
@SelvedgeIntegrationTest
class BlocksApiIT {

    @Autowired
    Stores stores;

    @Autowired
    Blocks blocks;

    @Autowired
    AuditTrail trail;

    @Autowired
    ApiCalls api;

    Customers customers;

    @BeforeEach
    void setUp() {
        customers = api.customers();
    }

    @Test
    void staffAddListAndLiftABlockOnThePlatformTrail() throws Exception {
        Customers.Account staff = customers.aPlatformAdmin("blocks-api");
        String address = "203.0.113." + ThreadLocalRandom.current().nextInt(1, 255);

        api.as(
                        staff,
                        post("/api/v1/admin/blocks"),
                        "{\"address\": \"" + address + "\", \"minutes\": 30, "
                                + "\"reason\": \"scraping the sign-in page\"}")
                .andExpect(status().isCreated())
                .andExpect(header().string("Location", "/api/v1/admin/blocks/address:" + address))
                .andExpect(jsonPath("$.id").value("address:" + address))
                .andExpect(jsonPath("$.kind").value("address"))
                .andExpect(jsonPath("$.level").value(0))
                .andExpect(jsonPath("$.reason").value("scraping the sign-in page"));
        assertThat(blocks.find("address:" + address)).isPresent();
        api.as(staff, get("/api/v1/admin/blocks"), null)
                .andExpect(status().isOk())
                .andExpect(header().string("Cache-Control", "no-store"))
                .andExpect(jsonPath("$[?(@.id == 'address:" + address + "')].subject")
                        .value(org.hamcrest.Matchers.contains(address)));

        api.as(staff, delete("/api/v1/admin/blocks/address:" + address), null).andExpect(status().isNoContent());
        api.as(staff, delete("/api/v1/admin/blocks/address:" + address), null).andExpect(status().isNotFound());
        assertThat(blocks.find("address:" + address)).isEmpty();

        assertThat(entries("block.added", "address:" + address))
                .singleElement()
                .satisfies(entry ->
                        assertThat(entry.actorId()).isEqualTo(staff.id().toString()));
        assertThat(entries("block.lifted", "address:" + address))
                .singleElement()
                .satisfies(entry ->
                        assertThat(entry.actorId()).isEqualTo(staff.id().toString()));
    }

    @Test
    void aCustomerIsRefusedAndAMalformedBlockAnswersAProblem() throws Exception {
        Customers.Account customer = customers.aCustomer("not-staff");
        ApiCalls.problem(api.as(customer, get("/api/v1/admin/blocks"), null), 403);
        ApiCalls.problem(
                api.as(customer, post("/api/v1/admin/blocks"), "{\"address\": \"203.0.113.9\", \"minutes\": 5}"), 403);

        Customers.Account staff = customers.aPlatformAdmin("blocks-bad-input");
        ApiCalls.problem(
                api.as(staff, post("/api/v1/admin/blocks"), "{\"address\": \"example.com\", \"minutes\": 5}"), 422);
        ApiCalls.problem(
                api.as(staff, post("/api/v1/admin/blocks"), "{\"address\": \"203.0.113.9\", \"minutes\": 0}"), 400);
        api.as(staff, delete("/api/v1/admin/blocks/nothing-like-an-id"), null).andExpect(status().isNotFound());
    }

    @Test
    void theStaffPageListsAddsAndLiftsBlocks() throws Exception {
        Customers.Account staff = customers.aPlatformAdmin("blocks-page");
        // Staff must use MFA on the web pages: enrolled, and signed in with a passkey here.
        new JdbcTemplate(stores.global().dataSource())
                .update("update account set mfa_enrolled = true where id = ?", staff.id());
        String address =
                "2001:db8::" + Integer.toHexString(ThreadLocalRandom.current().nextInt(1, 0xffff));

        api.mvc()
                .perform(post("/platform/blocks")
                        .with(signedIn(staff))
                        .with(csrf())
                        .param("address", address)
                        .param("minutes", "15")
                        .param("reason", "probing"))
                .andExpect(status().is3xxRedirection())
                .andExpect(redirectedUrl("/platform/blocks"));
        String id = "address:" + java.net.InetAddress.getByName(address).getHostAddress();
        api.mvc()
                .perform(get("/platform/blocks").with(signedIn(staff)))
                .andExpect(status().isOk())
                .andExpect(content().string(org.hamcrest.Matchers.containsString("probing")))
                .andExpect(content().string(org.hamcrest.Matchers.containsString(id)));

        api.mvc()
                .perform(post("/platform/blocks/lift")
                        .with(signedIn(staff))
                        .with(csrf())
                        .param("id", id))
                .andExpect(status().is3xxRedirection());
        assertThat(blocks.find(id)).isEmpty();

        api.mvc()
                .perform(get("/platform/blocks").with(signedIn(customers.aCustomer("page-customer"))))
                .andExpect(status().isForbidden());
    }

    /** As the account signed in on the web pages: staff with a passkey and their role, a customer with a password. */
    private static RequestPostProcessor signedIn(Customers.Account account) {
        List<GrantedAuthority> authorities = new java.util.ArrayList<>();
        if (account.staff()) {
            authorities.add(FactorGrantedAuthority.fromAuthority(FactorGrantedAuthority.WEBAUTHN_AUTHORITY));
            authorities.add(new SimpleGrantedAuthority("STAFF_PLATFORM_ADMIN"));
        } else { // a customer without MFA needs no second factor
            authorities.add(FactorGrantedAuthority.fromAuthority(FactorGrantedAuthority.PASSWORD_AUTHORITY));
        }
        return user(account.username()).authorities(authorities);
    }

    /** The platform trail's entries of {@code action} on the block, once delivered (the outbox is asynchronous). */
    private List<AuditEntry> entries(String action, String blockId) throws InterruptedException {
        AuditFilter filter = new AuditFilter(null, action, "block", blockId, null, null, null);
        return Trails.awaitEntries(trail, null, filter, 1, Duration.ofSeconds(30));
    }
}
