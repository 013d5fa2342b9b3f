package io.selvedge.testing;

import static org.springframework.security.test.web.servlet.setup.SecurityMockMvcConfigurers.springSecurity;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.jayway.jsonpath.JsonPath;
import io.selvedge.access.Role;
import io.selvedge.identity.AccountDirectory;
import io.selvedge.identity.AccountRegistration;
import io.selvedge.identity.AccountSummary;
import io.selvedge.notify.MailProperties;
import io.selvedge.notify.internal.OutboxDelivery;
import io.selvedge.storage.Stores;
import io.selvedge.testing.Customers.Account;
import java.util.Locale;
import java.util.UUID;
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

    private static final String INVITED = "invited";

    private final WebApplicationContext context;
    private final MockMvc mvc;
    private final Customers customers;

    public ApiCalls(WebApplicationContext context, Customers customers) {
        this.context = context;
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

    /** A style the caller creates in the workroom. */
    public String aStyle(Account caller, String workroom, String name) throws Exception {
        return created(as(
                caller,
                MockMvcRequestBuilders.post("/api/v1/workrooms/" + workroom + "/styles"),
                "{\"name\": \"" + name + "\"}"));
    }

    /** A version of the style the caller uploads: the file's bytes under its name, of the media type given. */
    public String aVersion(Account caller, String style, String filename, String mediaType, byte[] content)
            throws Exception {
        return created(
                mvc.perform(MockMvcRequestBuilders.post("/api/v1/styles/" + style + "/versions?filename=" + filename)
                        .with(caller.caller())
                        .accept(MediaType.APPLICATION_JSON)
                        .contentType(mediaType)
                        .content(content)));
    }

    /** A node the caller creates under a parent: {@code POST /api/v1/{parents}/{parent}/{children}}. */
    public String node(Account caller, String parents, String parent, String children, String name) throws Exception {
        return created(as(
                caller,
                MockMvcRequestBuilders.post("/api/v1/" + parents + "/" + parent + "/" + children),
                "{\"name\": \"" + name + "\"}"));
    }

    /**
     * A new customer, with an address of its own (in no group's domain), holding a role on a node: the admin's
     * grant by id invites it (it is nobody's member yet) and it accepts, as {@link #grant} does.
     */
    public Account granted(Account admin, String node, Role role) throws Exception {
        Account account = anInvitableCustomer(role.name().toLowerCase(Locale.ROOT));
        grant(admin, node, account, role, false, false);
        return account;
    }

    /**
     * A customer account with a fresh username starting with {@code name} and an address at {@code
     * customers.test} (which no group claims), registered as an accepted invitation registers one: the
     * account a grant by id can invite.
     */
    public Account anInvitableCustomer(String name) {
        return anInvitableCustomer(name, "fixture " + UUID.randomUUID());
    }

    /** The same, signing in with the password. */
    public Account anInvitableCustomer(String name, String password) {
        return aCustomerAt(name, password, "customers.test");
    }

    /**
     * A customer account with a fresh username starting with {@code name} and an address in the domain: managed
     * by the group that verified it ({@link #verifiedDomain}), which grants and shares reach at once.
     */
    public Account aCustomerAt(String name, String password, String domain) {
        String username = (name + "-" + UUID.randomUUID().toString().substring(0, 8)).toLowerCase(Locale.ROOT);
        UUID id =
                context.getBean(AccountRegistration.class).register(username, password, null, username + "@" + domain);
        return new Account(id, username, false);
    }

    /**
     * The admin grants the account the role on the node by its id ({@code PUT .../members/{id}}). An account
     * that holds nothing in the group yet and that the group does not manage is invited instead (202): it
     * then accepts the invitation mailed to its address, as the person would, and holds the role. Either way
     * the account holds the role after it.
     */
    public void grant(Account admin, String node, Account account, Role role, boolean download, boolean upload)
            throws Exception {
        String body =
                "{\"role\": \"" + role + "\", \"allowDownload\": " + download + ", \"allowUpload\": " + upload + "}";
        consented(
                account,
                role,
                () -> as(admin, MockMvcRequestBuilders.put("/api/v1/nodes/" + node + "/members/" + account.id()), body),
                200);
    }

    /**
     * The sharer shares the node with the account by its id ({@code POST /api/v1/{collection}/{node}/shares}),
     * the account accepting the invitation if it is one (202), as {@link #grant} does: it holds the share after
     * it.
     */
    public void share(
            Account sharer,
            String collection,
            String node,
            Account account,
            Role role,
            boolean download,
            boolean upload)
            throws Exception {
        String body = "{\"userId\": \"" + account.id() + "\", \"role\": \"" + role + "\", \"allowDownload\": "
                + download + ", \"allowUpload\": " + upload + "}";
        consented(
                account,
                role,
                () -> as(sharer, MockMvcRequestBuilders.post("/api/v1/" + collection + "/" + node + "/shares"), body),
                201);
    }

    /** A call granting the account the role; an invitation instead (202) the account accepts. */
    private void consented(Account account, Role role, Call call, int atOnce) throws Exception {
        String address = context.getBean(AccountDirectory.class)
                .account(account.id())
                .map(AccountSummary::email)
                .orElse(null);
        int invited = address == null ? 0 : invitationsTo(address);
        ResultActions answer = call.make();
        if (answer.andReturn().getResponse().getStatus() == 202) {
            if (address == null) {
                throw new AssertionError("the grant invited " + account.username()
                        + ", which has no address to accept at: make it with anInvitableCustomer");
            }
            String token = mailbox().awaitLast(address, INVITED, invited + 1).secretOf("/invitations/");
            as(account, MockMvcRequestBuilders.post("/api/v1/invitations/" + token + "/accept"), null)
                    .andExpect(status().isCreated())
                    .andExpect(jsonPath("$.accountId").value(account.id().toString()))
                    .andExpect(jsonPath("$.role").value(role.name()));
            return;
        }
        answer.andExpect(status().is(atOnce)).andExpect(jsonPath("$.role").value(role.name()));
    }

    @FunctionalInterface
    private interface Call {
        ResultActions make() throws Exception;
    }

    /**
     * The group claims the domain and proves it (a TXT record on the test DNS server): it then manages every
     * account with an address there, which a grant by id reaches at once.
     */
    public void verifiedDomain(Account admin, String group, String domain) throws Exception {
        String body = as(
                        admin,
                        MockMvcRequestBuilders.post("/api/v1/groups/" + group + "/domains"),
                        "{\"domain\": \"" + domain + "\"}")
                .andExpect(status().isCreated())
                .andReturn()
                .getResponse()
                .getContentAsString();
        TestDns.publish("_selvedge-verification." + domain, (String) JsonPath.read(body, "$.txtValue"));
        as(admin, MockMvcRequestBuilders.post("/api/v1/groups/" + group + "/domains/" + domain + "/verify"), null)
                .andExpect(status().isOk());
    }

    /** A fresh domain starting with {@code name}, which the group claims and proves ({@link #verifiedDomain}). */
    public String aVerifiedDomain(Account admin, String group, String name) throws Exception {
        String domain = name + "-" + UUID.randomUUID().toString().substring(0, 8) + ".example";
        verifiedDomain(admin, group, domain);
        return domain;
    }

    /** A SCIM bearer token the group's admin makes ({@code POST /groups/{id}/scim-tokens}), shown once. */
    public String scimToken(Account admin, String group, String name) throws Exception {
        String body = as(
                        admin,
                        MockMvcRequestBuilders.post("/api/v1/groups/" + group + "/scim-tokens"),
                        "{\"name\": \"" + name + "\"}")
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.id").exists())
                .andReturn()
                .getResponse()
                .getContentAsString();
        return JsonPath.read(body, "$.token");
    }

    /** The mail the installation delivered, delivering its outbox when a test waits for some. */
    public Mailbox mailbox() {
        return Mailbox.at(context.getBean(MailProperties.class).dir(), OutboxDelivery.of(context));
    }

    /** How many invitations were mailed to the address so far (the outbox delivered first). */
    private int invitationsTo(String address) {
        OutboxDelivery.of(context).run();
        return (int) mailbox().to(address).stream()
                .filter(mail -> mail.subject().contains(INVITED))
                .count();
    }
}
