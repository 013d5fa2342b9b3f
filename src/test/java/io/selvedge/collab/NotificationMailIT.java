package io.selvedge.collab;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.setup.SecurityMockMvcConfigurers.springSecurity;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.jayway.jsonpath.JsonPath;
import io.selvedge.identity.AccountRegistration;
import io.selvedge.notify.MailProperties;
import io.selvedge.notify.internal.OutboxDelivery;
import io.selvedge.storage.Stores;
import io.selvedge.testing.Customers;
import io.selvedge.testing.Mailbox;
import io.selvedge.testing.Outboxes;
import io.selvedge.testing.SelvedgeIntegrationTest;
import java.time.Instant;
import java.util.Locale;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import org.springframework.web.context.WebApplicationContext;

/**
 * Notifications by e-mail, through the outbox: a mention, a new version of a followed style, an approval
 * and a share each send one mail that names nothing of the style, when the person's choice allows it;
 * none once the person turned that kind off (the in-app notification still comes).
 */
@SelvedgeIntegrationTest
class NotificationMailIT {

    static final String PASSWORD = "a coat of waxed cotton";
    static final String SHARED = "Something was shared with you";
    static final String NEW_VERSION = "A style you follow has a new version";
    static final String APPROVAL = "The approval status of a style you follow changed";
    static final String MENTION = "You were mentioned in a comment";

    @Autowired
    WebApplicationContext context;

    @Autowired
    Stores stores;

    @Autowired
    AccountRegistration registration;

    @Autowired
    MailProperties mail;

    MockMvc mvc;
    Mailbox mailbox;
    Customers customers;
    Customers.Account admin;
    Instant started;

    @BeforeEach
    void mvc() {
        started = Instant.now().minusSeconds(1);
        customers = new Customers(stores);
        admin = customers.aCustomer("admin");
        mailbox = Mailbox.at(mail.dir(), OutboxDelivery.of(context));
        mvc = MockMvcBuilders.webAppContextSetup(context)
                .apply(springSecurity())
                .build();
    }

    @Test
    void eachKindComesByEmailWhileThePersonWantsIt() throws Exception {
        Person person = aPerson("ines");
        String workroom = aWorkroom("eu");
        String style = aStyle(workroom, "Selvedge jacket");

        share(workroom, person);
        assertNamesNothing(mailbox.awaitLast(person.email, SHARED, 1));

        as(person.account, put("/api/v1/styles/" + style + "/follow"), null).andExpect(status().isNoContent());
        aVersion(style);
        assertNamesNothing(mailbox.awaitLast(person.email, NEW_VERSION, 1));

        as(admin, post("/api/v1/styles/" + style + "/approval"), "{\"status\": \"APPROVED\", \"note\": \"Good\"}")
                .andExpect(status().isCreated());
        assertNamesNothing(mailbox.awaitLast(person.email, APPROVAL, 1));

        mention(style, person);
        assertNamesNothing(mailbox.awaitLast(person.email, MENTION, 1));
        assertThat(mailbox.to(person.email)).hasSize(4);
    }

    @Test
    void noMailOfAKindThePersonTurnedOff() throws Exception {
        Person person = aPerson("jun");
        String workroom = aWorkroom("apac");
        String style = aStyle(workroom, "Chore coat");
        as(
                        person.account,
                        put("/api/v1/me/notification-settings"),
                        "{\"MENTION\": false, \"NEW_VERSION\": false, \"APPROVAL\": false, \"SHARE\": false}")
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.SHARE").value(false));

        share(workroom, person);
        as(person.account, put("/api/v1/styles/" + style + "/follow"), null).andExpect(status().isNoContent());
        aVersion(style);
        as(admin, post("/api/v1/styles/" + style + "/approval"), "{\"status\": \"REJECTED\", \"note\": \"Hem\"}")
                .andExpect(status().isCreated());
        mention(style, person);
        settled();
        OutboxDelivery.of(context).run(); // delivers what the outbox holds, now

        assertThat(mailbox.to(person.email)).isEmpty();
        // In the app, each still arrives.
        as(person.account, get("/api/v1/me/notifications"), null)
                .andExpect(jsonPath("$.unread").value(4))
                .andExpect(jsonPath("$.items[*].kind")
                        .value(org.hamcrest.Matchers.containsInAnyOrder(
                                "SHARE", "NEW_VERSION", "APPROVAL", "MENTION")));

        // Turned back on, the next one comes by e-mail again.
        as(person.account, put("/api/v1/me/notification-settings"), "{\"MENTION\": true}")
                .andExpect(status().isOk());
        mention(style, person);
        mailbox.awaitLast(person.email, MENTION, 1);
        assertThat(mailbox.to(person.email)).extracting(Mailbox.Mail::subject).containsExactly(MENTION);
    }

    @Test
    void aFollowerWhoMayNoLongerSeeTheStyleHearsNothingMoreOfIt() throws Exception {
        Person stays = aPerson("kai");
        Person leaves = aPerson("lou");
        String workroom = aWorkroom("us");
        String style = aStyle(workroom, "Overshirt");
        for (Person person : new Person[] {stays, leaves}) {
            share(workroom, person);
            as(person.account, put("/api/v1/styles/" + style + "/follow"), null).andExpect(status().isNoContent());
        }
        as(admin, delete("/api/v1/nodes/" + workroom + "/members/" + leaves.account.id()), null)
                .andExpect(status().isNoContent());

        aVersion(style);
        as(admin, post("/api/v1/styles/" + style + "/approval"), "{\"status\": \"APPROVED\"}")
                .andExpect(status().isCreated());
        mailbox.awaitLast(stays.email, APPROVAL, 1);
        mailbox.awaitLast(stays.email, NEW_VERSION, 1);
        settled();
        OutboxDelivery.of(context).run();

        assertThat(mailbox.to(leaves.email)).extracting(Mailbox.Mail::subject).containsExactly(SHARED);
        as(leaves.account, get("/api/v1/me/notifications"), null)
                .andExpect(jsonPath("$.items[*].kind").value(org.hamcrest.Matchers.contains("SHARE")));
    }

    private void assertNamesNothing(Mailbox.Mail mail) {
        assertThat(mail.text() + mail.html() + mail.subject())
                .doesNotContain("Selvedge jacket", "Maison", "Denim", "pocket", "Good");
    }

    record Person(Customers.Account account, String email) {}

    private Person aPerson(String name) {
        String username = (name + "-" + UUID.randomUUID().toString().substring(0, 8)).toLowerCase(Locale.ROOT);
        String email = username + "@example.test";
        UUID id = registration.register(username, PASSWORD, null, email);
        return new Person(new Customers.Account(id, username, false), email);
    }

    private void share(String node, Person person) throws Exception {
        as(admin, put("/api/v1/nodes/" + node + "/members/" + person.account.id()), "{\"role\": \"VIEWER\"}")
                .andExpect(status().isOk());
    }

    private void mention(String style, Person person) throws Exception {
        as(
                        admin,
                        post("/api/v1/styles/" + style + "/comments"),
                        "{\"body\": \"@" + person.account.username() + " the pocket\"}")
                .andExpect(status().isCreated());
    }

    private void aVersion(String style) throws Exception {
        mvc.perform(post("/api/v1/styles/" + style + "/versions?filename=jacket.zprj")
                        .with(admin.caller())
                        .accept(MediaType.APPLICATION_JSON)
                        .contentType(MediaType.APPLICATION_OCTET_STREAM)
                        .content(new byte[] {1, 2, 3}))
                .andExpect(status().isCreated());
    }

    private String aWorkroom(String region) throws Exception {
        String group =
                created(as(admin, post("/api/v1/groups"), "{\"name\": \"Maison\", \"region\": \"" + region + "\"}"));
        String company = aNode("groups", group, "companies", "Ourse SA");
        String brand = aNode("companies", company, "brands", "Ourse");
        String season = aNode("brands", brand, "seasons", "SS27");
        return aNode("seasons", season, "workrooms", "Denim");
    }

    private String aStyle(String workroom, String name) throws Exception {
        return created(as(
                admin,
                post("/api/v1/workrooms/" + workroom + "/styles"),
                "{\"name\": \"" + name + "\", \"tags\": []}"));
    }

    private String aNode(String parents, String parent, String children, String name) throws Exception {
        return created(
                as(admin, post("/api/v1/" + parents + "/" + parent + "/" + children), "{\"name\": \"" + name + "\"}"));
    }

    /** Waits until the notification listeners have handled every event published since the test began. */
    private void settled() throws InterruptedException {
        for (int attempt = 0; attempt < 600; attempt++) {
            if (Outboxes.pending(stores, "%NotificationListeners%", started) == 0) {
                return;
            }
            Thread.sleep(50);
        }
        throw new AssertionError("The notification listeners did not finish their events");
    }

    private ResultActions as(Customers.Account caller, MockHttpServletRequestBuilder request, String json)
            throws Exception {
        request.with(caller.caller()).accept(MediaType.APPLICATION_JSON);
        if (json != null) {
            request.contentType(MediaType.APPLICATION_JSON).content(json);
        }
        return mvc.perform(request);
    }

    private static String created(ResultActions result) throws Exception {
        String body =
                result.andExpect(status().isCreated()).andReturn().getResponse().getContentAsString();
        return JsonPath.read(body, "$.id");
    }
}
