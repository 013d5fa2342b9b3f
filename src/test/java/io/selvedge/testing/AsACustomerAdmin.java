package io.selvedge.testing;

import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;

/**
 * An integration test that calls the API as a customer, {@code admin}, who creates the groups the test
 * needs and so administers them; a fresh one for every test. Extend it from a
 * {@link SelvedgeIntegrationTest}; its {@code @BeforeEach} runs before the test's own.
 */
public abstract class AsACustomerAdmin {

    @Autowired
    protected ApiCalls api;

    protected MockMvc mvc;
    protected Customers customers;
    protected Customers.Account admin;

    @BeforeEach
    void aCustomerAdmin() {
        customers = api.customers();
        admin = customers.aCustomer("admin");
        mvc = api.mvc();
    }
}
