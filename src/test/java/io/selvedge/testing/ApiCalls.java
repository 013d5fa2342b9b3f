package io.selvedge.api;

import static org.springframework.security.test.web.servlet.setup.SecurityMockMvcConfigurers.springSecurity;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.jayway.jsonpath.JsonPath;
import io.selvedge.access.Role;
import io.selvedge.testing.Customers;
import io.selvedge.testing.Customers.Account;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.MockMvcRequestBuilders;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import org.springframework.web.context.WebApplicationContext;

/** Calls of the API as test accounts, through the whole filter chain (MockMvc), and what tests expect of them. */
final class ApiCalls {

    final MockMvc mvc;
    final Customers customers;

    ApiCalls(WebApplicationContext context, Customers customers) {
        this.mvc = MockMvcBuilders.webAppContextSetup(context)
                .apply(springSecurity())
                .build();
        this.customers = customers;
    }

    /** A request as the account (null: no credentials), with a JSON body if given. */
    ResultActions as(Account caller, MockHttpServletRequestBuilder request, String json) throws Exception {
        return from(caller, "127.0.0.1", request, json);
    }

    /** The same, from a client address. */
    ResultActions from(Account caller, String address, MockHttpServletRequestBuilder request, String json)
            throws Exception {
        if (caller != null) {
            request.with(caller.caller());
        }
        request.with(r -> {
                    r.setRemoteAddr(address);
                    return r;
                })
                .accept(MediaType.APPLICATION_JSON);
        if (json != null) {
            request.contentType(MediaType.APPLICATION_JSON).content(json);
        }
        return mvc.perform(request);
    }

    static void problem(ResultActions result, int status) throws Exception {
        result.andExpect(status().is(status))
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
    }

    static String created(ResultActions result) throws Exception {
        String body =
                result.andExpect(status().isCreated()).andReturn().getResponse().getContentAsString();
        return JsonPath.read(body, "$.id");
    }

    /** A group of the admin's with a company, a brand, a season and a workroom: their ids, top down. */
    String[] tree(Account admin, String name) throws Exception {
        String group = created(as(
                admin,
                MockMvcRequestBuilders.post("/api/v1/groups"),
                "{\"name\": \"" + name + "\", \"region\": \"eu\"}"));
        String company = created(
                as(admin, MockMvcRequestBuilders.post("/api/v1/groups/" + group + "/companies"), "{\"name\": \"C\"}"));
        String brand = created(as(
                admin, MockMvcRequestBuilders.post("/api/v1/companies/" + company + "/brands"), "{\"name\": \"B\"}"));
        String season = created(
                as(admin, MockMvcRequestBuilders.post("/api/v1/brands/" + brand + "/seasons"), "{\"name\": \"S\"}"));
        String workroom = created(as(
                admin, MockMvcRequestBuilders.post("/api/v1/seasons/" + season + "/workrooms"), "{\"name\": \"W\"}"));
        return new String[] {group, company, brand, season, workroom};
    }

    /** A new customer granted a role on a node by the admin, through the API. */
    Account granted(Account admin, String node, Role role) throws Exception {
        Account account = customers.aCustomer(role.name().toLowerCase(java.util.Locale.ROOT));
        grant(admin, node, account, role, false, false);
        return account;
    }

    void grant(Account admin, String node, Account account, Role role, boolean download, boolean upload)
            throws Exception {
        as(
                        admin,
                        MockMvcRequestBuilders.put("/api/v1/nodes/" + node + "/members/" + account.id()),
                        "{\"role\": \"" + role + "\", \"allowDownload\": " + download + ", \"allowUpload\": " + upload
                                + "}")
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.role").value(role.name()));
    }
}
