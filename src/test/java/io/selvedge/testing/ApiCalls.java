package io.selvedge.testing;

import static org.springframework.security.test.web.servlet.setup.SecurityMockMvcConfigurers.springSecurity;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.jayway.jsonpath.JsonPath;
import io.selvedge.access.Role;
import io.selvedge.storage.Stores;
import io.selvedge.testing.Customers.Account;
import java.util.Locale;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.MockMvcRequestBuilders;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import org.springframework.web.context.WebApplicationContext;

/**
 * Calls of the API as test accounts, through the whole filter chain (MockMvc), and what tests expect of
 * them. Every {@link SelvedgeIntegrationTest} can have it {@code @Autowired}.
 */
public final class ApiCalls {

    private final MockMvc mvc;
    private final Customers customers;

    public ApiCalls(WebApplicationContext context, Customers customers) {
        this.mvc = MockMvcBuilders.webAppContextSetup(context)
                .apply(springSecurity())
                .build();
        this.customers = customers;
    }

    @Autowired
    public ApiCalls(WebApplicationContext context, Stores stores) {
        this(context, new Customers(stores));
    }

    /** The whole filter chain, for a request the helpers below do not make. */
    public MockMvc mvc() {
        return mvc;
    }

    public Customers customers() {
        return customers;
    }

    /** A request as the account (null: no credentials), accepting JSON, with a JSON body if given. */
    public ResultActions as(Account caller, MockHttpServletRequestBuilder request, String json) throws Exception {
        return from(caller, "127.0.0.1", request, json);
    }

    /** The same, from a client address. */
    public ResultActions from(Account caller, String address, MockHttpServletRequestBuilder request, String json)
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

    /** A request as the account with a body of bytes ({@code application/octet-stream}). */
    public ResultActions asBytes(Account caller, MockHttpServletRequestBuilder request, byte[] body) throws Exception {
        return mvc.perform(request.with(caller.caller())
                .accept(MediaType.APPLICATION_JSON)
                .contentType(MediaType.APPLICATION_OCTET_STREAM)
                .content(body));
    }

    /** The answer is a problem document (RFC 9457) with the status. */
    public static void problem(ResultActions result, int status) throws Exception {
        result.andExpect(status().is(status))
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
    }

    /** The id of what the call created (201). */
    public static String created(ResultActions result) throws Exception {
        String body =
                result.andExpect(status().isCreated()).andReturn().getResponse().getContentAsString();
        return JsonPath.read(body, "$.id");
    }

    /** A group of the admin's with a company, a brand, a season and a workroom: their ids, top down. */
    public String[] tree(Account admin, String name) throws Exception {
        String group = created(as(
                admin,
                MockMvcRequestBuilders.post("/api/v1/groups"),
                "{\"name\": \"" + name + "\", \"region\": \"eu\"}"));
        String company = node(admin, "groups", group, "companies", "C");
        String brand = node(admin, "companies", company, "brands", "B");
        String season = node(admin, "brands", brand, "seasons", "S");
        String workroom = node(admin, "seasons", season, "workrooms", "W");
        return new String[] {group, company, brand, season, workroom};
    }

    /** Maison (in the region) › Ourse SA › Ourse › SS27 › Denim, made by the admin, so theirs. */
    public Tree aTree(Account admin, String region) throws Exception {
        String group = aGroup(admin, "Maison", region);
        String company = node(admin, "groups", group, "companies", "Ourse SA");
        String brand = node(admin, "companies", company, "brands", "Ourse");
        String season = node(admin, "brands", brand, "seasons", "SS27");
        return new Tree(group, company, brand, season, node(admin, "seasons", season, "workrooms", "Denim"));
    }

    /** The ids of a group's tree, top down. */
    public record Tree(String group, String company, String brand, String season, String workroom) {}

    /** A group the caller creates (so administers) in the region. */
    public String aGroup(Account caller, String name, String region) throws Exception {
        return created(as(
                caller,
                MockMvcRequestBuilders.post("/api/v1/groups"),
                "{\"name\": \"" + name + "\", \"region\": \"" + region + "\"}"));
    }

    /** A node the caller creates under a parent: {@code POST /api/v1/{parents}/{parent}/{children}}. */
    public String node(Account caller, String parents, String parent, String children, String name) throws Exception {
        return created(as(
                caller,
                MockMvcRequestBuilders.post("/api/v1/" + parents + "/" + parent + "/" + children),
                "{\"name\": \"" + name + "\"}"));
    }

    /** A new customer granted a role on a node by the admin, through the API. */
    public Account granted(Account admin, String node, Role role) throws Exception {
        Account account = customers.aCustomer(role.name().toLowerCase(Locale.ROOT));
        grant(admin, node, account, role, false, false);
        return account;
    }

    public void grant(Account admin, String node, Account account, Role role, boolean download, boolean upload)
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
