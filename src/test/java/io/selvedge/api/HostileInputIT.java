package io.selvedge.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.jayway.jsonpath.JsonPath;
import io.selvedge.content.ContentClient;
import io.selvedge.platform.PlatformProperties;
import io.selvedge.testing.SelvedgeIntegrationTest;
import io.selvedge.testing.TestHttps;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Hostile input across the whole API, over real HTTPS: every operation of {@code /api/v1/openapi.json}, as
 * the admin of a populated group with the group's real ids, gets path parameters that are not ids (control
 * characters, invalid UTF-8, traversal, overflow, 3000 characters), malformed and wrongly shaped JSON, each
 * property of its body wrongly typed, oversized and full of control characters, and its GET parameters
 * likewise. None may answer 5xx, any refusal must be a problem document, no hostile request may be accepted,
 * and the group's data, as every read of the API shows it, must be the same afterwards.
 */
@SelvedgeIntegrationTest
class HostileInputIT {

    /** Path segments that are no id of anything (percent-encoded as a client would send them). */
    static final List<String> NOT_IDS = List.of(
            "not-an-id",
            "%00",
            "%0D%0ASet-Cookie:%20a=b",
            "%FF%FE",
            "%E2%80%AE",
            "%2E%2E%2F%2E%2E%2Fetc",
            "-1",
            "99999999999999999999",
            "00000000-0000-0000-0000-00000000000g",
            "a".repeat(3000));

    /** Query values a client might send to any GET parameter. */
    static final List<String> HOSTILE_VALUES =
            List.of("%00", "%FF%FE", "-1", "99999999999999999999", "%0D%0A", "%22%3E%3Cscript%3E", "x".repeat(3000));

    /** Whole bodies that are no request of any operation. */
    static final List<String> MALFORMED =
            List.of("{", "[1,2", "\"text\"", "123", "[]", "{\"a\":}", "{\"a\":1,}", "[".repeat(3000), "\u0000\u0001");

    static final String OVERSIZED = "o".repeat(100_000);
    static final String CONTROL_CHARACTERS = "a\u0000b\u0007c\u001b[31md\r\ne\u2028f\u202e";

    /** Reads whose answer shows time passing or the calls themselves (the audit trail records refusals). */
    static final Set<String> NOT_GROUP_DATA = Set.of(
            "/audit-events",
            "/me/sessions",
            "/me/tokens",
            "/me/notifications",
            "/residency-report",
            "/staff-access-report");

    /**
     * Operations that answer every request alike, so that the answer tells nothing (whether an account
     * exists): they may accept hostile input, as long as they change nothing and answer no 5xx.
     */
    static final Set<String> UNIFORM_ANSWERS = Set.of("POST /api/v1/auth/password-reset");

    private static final Pattern VARIABLE = Pattern.compile("\\{([^}]+)}");
    private static final JsonMapper JSON = JsonMapper.builder().build();

    @LocalServerPort
    int port;

    @Autowired
    ApplicationContext context;

    @Autowired
    PlatformProperties platform;

    HttpClient http;
    ContentClient admin;
    Map<String, String> ids;

    /** Ids of nothing, one per variable the group has no thing for: the same at every read, so reads compare. */
    final Map<String, String> fresh = new java.util.HashMap<>();

    JsonNode document;

    @BeforeEach
    void theAdminOfAPopulatedGroup() {
        // HTTP/1.1: over HTTP/2, Tomcat's overhead protection ends a connection that sees only refusals.
        http = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .sslContext(TestHttps.trusting(TestHttps.developmentCertificate(platform.dataDir())))
                .followRedirects(HttpClient.Redirect.NEVER)
                .connectTimeout(java.time.Duration.ofSeconds(10))
                .build();
        admin = ContentClient.aCustomerWithAStyle(context::getBean, http, port, "eu");
        ids = new LinkedHashMap<>();
        String workroom = field(get("/api/v1/styles/" + admin.style), "$.workroomId");
        String season = field(get("/api/v1/workrooms/" + workroom), "$.parentId");
        String brand = field(get("/api/v1/seasons/" + season), "$.parentId");
        String company = field(get("/api/v1/brands/" + brand), "$.parentId");
        ids.put("groups", admin.group);
        ids.put("companies", company);
        ids.put("brands", brand);
        ids.put("seasons", season);
        ids.put("workrooms", workroom);
        ids.put("nodes", workroom);
        ids.put("styles", admin.style);
        ids.put("me", field(get("/api/v1/me"), "$.id"));
        ids.put(
                "versions",
                ContentClient.idOf(
                        admin.send(admin.request("/api/v1/styles/" + admin.style + "/versions?filename=coat.glb")
                                .header("Content-Type", "application/octet-stream")
                                .POST(HttpRequest.BodyPublishers.ofString("glTF coat"))
                                .build())));
        ids.put("comments", created("/api/v1/styles/" + admin.style + "/comments", "{\"body\":\"Lining\"}"));
        ids.put(
                "colorways",
                created("/api/v1/styles/" + admin.style + "/colorways", "{\"name\":\"Ecru\",\"swatch\":\"#e8dcc2\"}"));
        ids.put(
                "links",
                created(
                        "/api/v1/styles/" + admin.style + "/links",
                        "{\"expiresAt\":\"" + Instant.now().plus(1, ChronoUnit.DAYS) + "\",\"allowDownload\":false}"));
        HttpResponse<String> upload = admin.createUpload(admin.style, 10, "coat.glb");
        assertThat(upload.statusCode()).as(upload.body()).isEqualTo(201);
        String location = upload.headers().firstValue("Location").orElseThrow();
        ids.put("uploads", location.substring(location.lastIndexOf('/') + 1));
        document = JSON.readTree(get("/api/v1/openapi.json").body());
    }

    @Test
    void noOperationAnswersHostileInputWithA5xxAnythingButAProblemOrAChange() {
        Map<String, String> before = views();
        assertThat(views())
                .as("two reads in a row: a read that shows time passing belongs in NOT_GROUP_DATA")
                .isEqualTo(before);
        List<String> failures = new ArrayList<>();
        int sent = 0;
        for (Map.Entry<String, JsonNode> path : document.path("paths").properties()) {
            for (Map.Entry<String, JsonNode> operation : path.getValue().properties()) {
                String method = operation.getKey().toUpperCase(java.util.Locale.ROOT);
                if (!Set.of("GET", "POST", "PUT", "PATCH", "DELETE").contains(method)) {
                    continue;
                }
                String template = path.getKey();
                for (String variable : variables(template)) {
                    for (String notAnId : NOT_IDS) {
                        String uri = fill(template, variable, notAnId);
                        String body = Set.of("GET", "DELETE").contains(method) ? null : "{}";
                        check(failures, method, uri, send(method, uri, body), true);
                        sent++;
                    }
                }
                String uri = fill(template, null, null);
                if (method.equals("GET")) {
                    for (JsonNode parameter : operation.getValue().path("parameters")) {
                        if (!parameter.path("in").asString().equals("query")) {
                            continue;
                        }
                        for (String value : HOSTILE_VALUES) {
                            String query = uri + "?" + parameter.path("name").asString() + "=" + value;
                            check(failures, method, query, send(method, query, null), false);
                            sent++;
                        }
                    }
                }
                JsonNode body =
                        operation.getValue().path("requestBody").path("content").path("application/json");
                if (!body.isMissingNode()) {
                    boolean refuse = !UNIFORM_ANSWERS.contains(method + " " + template);
                    for (String hostile : bodies(body.path("schema"))) {
                        check(failures, method, uri + " " + shown(hostile), send(method, uri, hostile), refuse);
                        sent++;
                    }
                    HttpResponse<String> wrongType = admin.send(admin.request(uri)
                            .header("Content-Type", "text/plain")
                            .method(method, HttpRequest.BodyPublishers.ofString("{}"))
                            .build());
                    check(failures, method, uri + " as text/plain", wrongType, true);
                    sent++;
                }
            }
        }
        assertThat(sent).as("hostile requests").isGreaterThan(1000);
        assertThat(failures).as("%d hostile requests", sent).isEmpty();
        assertThat(views()).as("the group's data as the API shows it").isEqualTo(before);
    }

    @Test
    void repeatedParametersAndTraceAreRefusedOrReadOnce() {
        List<String> failures = new ArrayList<>();
        for (Map.Entry<String, JsonNode> path : document.path("paths").properties()) {
            JsonNode get = path.getValue().path("get");
            String uri = fill(path.getKey(), null, null);
            for (JsonNode parameter : get.path("parameters")) {
                if (parameter.path("in").asString().equals("query")) {
                    String name = parameter.path("name").asString();
                    String polluted = uri + "?" + name + "=1&" + name + "=%00&" + name + "=" + "9".repeat(30);
                    check(failures, "GET", polluted, send("GET", polluted, null), false);
                }
            }
        }
        HttpResponse<String> trace = admin.send(admin.request("/api/v1/me")
                .method("TRACE", HttpRequest.BodyPublishers.noBody())
                .build());
        assertThat(trace.statusCode()).as("TRACE").isEqualTo(405);
        assertThat(trace.body()).as("TRACE echoes nothing").doesNotContain("Bearer");
        assertThat(failures).isEmpty();
    }

    /** Every read of the API with the group's real ids: the answer's status, and its body when it is 2xx. */
    private Map<String, String> views() {
        Map<String, String> views = new TreeMap<>();
        for (Map.Entry<String, JsonNode> path : document.path("paths").properties()) {
            if (!path.getValue().has("get") || NOT_GROUP_DATA.stream().anyMatch(path.getKey()::contains)) {
                continue;
            }
            String uri = fill(path.getKey(), null, null);
            HttpResponse<String> answer = send("GET", uri, null);
            views.put(uri, answer.statusCode() + (answer.statusCode() / 100 == 2 ? " " + digest(answer.body()) : ""));
        }
        assertThat(views.values()).as("reads that show the group").anyMatch(view -> view.startsWith("200 "));
        return views;
    }

    private void check(List<String> failures, String method, String what, HttpResponse<String> answer, boolean refuse) {
        int status = answer.statusCode();
        String contentType = answer.headers().firstValue("Content-Type").orElse("");
        if (status >= 500) {
            failures.add(method + " " + shown(what) + ": " + status + " " + shown(answer.body()));
        } else if (status >= 300 && status < 400 || refuse && status < 300) {
            failures.add(method + " " + shown(what) + ": accepted with " + status);
        } else if (status >= 400 && (!contentType.startsWith("application/problem+json") || !states(answer, status))) {
            failures.add(method + " " + shown(what) + ": " + status + " not a problem document (" + contentType + ")");
        }
    }

    /** Whether the body is a JSON document whose {@code status} is the answer's. */
    private static boolean states(HttpResponse<String> answer, int status) {
        try {
            Object stated = JsonPath.read(answer.body(), "$.status");
            return stated instanceof Integer number && number == status;
        } catch (RuntimeException notJson) {
            return false;
        }
    }

    /** Malformed bodies, and for each property of the schema: wrongly typed, oversized, control characters. */
    private List<String> bodies(JsonNode schema) {
        List<String> bodies = new ArrayList<>(MALFORMED);
        JsonNode resolved = resolve(schema);
        for (Map.Entry<String, JsonNode> property : resolved.path("properties").properties()) {
            String name = JSON.writeValueAsString(property.getKey());
            String type = resolve(property.getValue()).path("type").asString("string");
            String wrong = switch (type) {
                case "string" -> "[12345]";
                case "array" -> "\"not a list\"";
                case "object" -> "\"not an object\"";
                default -> "\"not a " + type + "\"";
            };
            bodies.add("{" + name + ":" + wrong + "}");
            bodies.add("{" + name + ":{\"nested\":" + wrong + "}}");
            bodies.add("{" + name + ":" + JSON.writeValueAsString(OVERSIZED) + "}");
            bodies.add("{" + name + ":" + JSON.writeValueAsString(CONTROL_CHARACTERS) + "}");
        }
        return bodies;
    }

    private JsonNode resolve(JsonNode schema) {
        String ref = schema.path("$ref").asString("");
        if (ref.startsWith("#/components/schemas/")) {
            return document.path("components").path("schemas").path(ref.substring("#/components/schemas/".length()));
        }
        return schema;
    }

    /** The path with real ids for every variable, but {@code hostile} for {@code variable}. */
    private String fill(String template, String variable, String hostile) {
        Matcher matcher = VARIABLE.matcher(template);
        StringBuilder filled = new StringBuilder();
        while (matcher.find()) {
            String name = matcher.group(1);
            String value = name.equals(variable) ? hostile : real(template, matcher.start(), name);
            matcher.appendReplacement(filled, Matcher.quoteReplacement(value));
        }
        matcher.appendTail(filled);
        return filled.toString();
    }

    /** A real id for the variable: the group's thing of the collection before it, the admin, or a fresh one. */
    private String real(String template, int at, String name) {
        if (name.equals("userId")) {
            return ids.get("me");
        }
        if (name.equals("domain")) {
            return "maison.example";
        }
        if (name.equals("token")) {
            return fresh.computeIfAbsent(
                    template + " " + name,
                    key -> "t" + UUID.randomUUID().toString().replace("-", ""));
        }
        String before = template.substring(0, at);
        String[] segments = before.split("/");
        String collection = segments.length == 0 ? "" : segments[segments.length - 1];
        String byName = ids.get(name.replace("Id", "") + "s");
        if (!name.equals("id") && byName != null) {
            return byName;
        }
        String known = ids.get(collection.equals("me") ? "" : collection);
        return known != null
                ? known
                : fresh.computeIfAbsent(
                        template + " " + name, key -> UUID.randomUUID().toString());
    }

    private static List<String> variables(String template) {
        List<String> variables = new ArrayList<>();
        Matcher matcher = VARIABLE.matcher(template);
        while (matcher.find()) {
            variables.add(matcher.group(1));
        }
        return variables;
    }

    private HttpResponse<String> send(String method, String uri, String json) {
        HttpRequest.Builder request = admin.request(uri).header("Accept", "application/json");
        if (json == null) {
            request.method(method, HttpRequest.BodyPublishers.noBody());
        } else {
            request.header("Content-Type", "application/json")
                    .method(method, HttpRequest.BodyPublishers.ofString(json, StandardCharsets.UTF_8));
        }
        return admin.send(request.build());
    }

    private HttpResponse<String> get(String uri) {
        return admin.send(admin.request(uri).GET().build());
    }

    private String created(String uri, String json) {
        return ContentClient.idOf(send("POST", uri, json));
    }

    private static String field(HttpResponse<String> response, String path) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return JsonPath.read(response.body(), path);
    }

    private static String digest(String body) {
        try {
            return HexFormat.of()
                    .formatHex(MessageDigest.getInstance("SHA-256").digest(body.getBytes(StandardCharsets.UTF_8)));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String shown(String text) {
        String printable = text.replaceAll("\\p{Cntrl}", "?");
        return printable.length() > 120 ? printable.substring(0, 120) + "…" : printable;
    }
}
