package io.selvedge.scim.internal;

import io.selvedge.access.EmailDomains;
import io.selvedge.access.ManagedAccountActions;
import io.selvedge.crypto.FieldCipher;
import io.selvedge.crypto.FieldCiphers;
import io.selvedge.identity.AccountDirectory;
import io.selvedge.identity.AccountExistsException;
import io.selvedge.identity.AccountSummary;
import io.selvedge.identity.EmailAddresses;
import io.selvedge.identity.FederatedSignIns;
import io.selvedge.identity.ManagedAccounts;
import io.selvedge.platform.AuditActor;
import io.selvedge.platform.RequestOrigin;
import io.selvedge.scim.ScimChanged;
import io.selvedge.scim.internal.ScimModel.Page;
import io.selvedge.scim.internal.ScimModel.Ref;
import io.selvedge.scim.internal.ScimModel.User;
import io.selvedge.storage.GroupDataPlanes;
import io.selvedge.storage.GroupWrites;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import tools.jackson.databind.JsonNode;

/**
 * SCIM Users of one group: each is a managed account of the group (its address in one of the group's
 * verified domains), with no password (it signs in by single sign-on). The account's address and name live
 * in the global directory, through identity; the group's record of it (external id, the directory's wish
 * for it to be active, its groups) in the group's region, written through the unit of work.
 */
@Service
class ScimUsers {

    static final int DEFAULT_COUNT = 100;
    static final int MAX_COUNT = 200;

    private final GroupWrites writes;
    private final GroupDataPlanes planes;
    private final ScimRepository rows;
    private final FieldCiphers ciphers;
    private final ManagedAccounts accounts;
    private final FederatedSignIns federated;
    private final AccountDirectory directory;
    private final EmailDomains domains;
    private final ManagedAccountActions actions;
    private final ScimRoles roles;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    ScimUsers(
            GroupWrites writes,
            GroupDataPlanes planes,
            ScimRepository rows,
            FieldCiphers ciphers,
            ManagedAccounts accounts,
            FederatedSignIns federated,
            AccountDirectory directory,
            EmailDomains domains,
            ManagedAccountActions actions,
            ScimRoles roles,
            ApplicationEventPublisher events,
            Clock clock) {
        this.writes = writes;
        this.planes = planes;
        this.rows = rows;
        this.ciphers = ciphers;
        this.accounts = accounts;
        this.federated = federated;
        this.directory = directory;
        this.domains = domains;
        this.actions = actions;
        this.roles = roles;
        this.events = events;
        this.clock = clock;
    }

    /** What the directory says of a user. */
    record State(
            String userName,
            @Nullable String displayName,
            @Nullable String externalId,
            boolean active) {}

    Page<User> list(ScimClient client, ScimFilter filter, @Nullable Integer startIndex, @Nullable Integer count) {
        List<User> all = all(client.groupId());
        List<User> matching = all.stream().filter(user -> matches(user, filter)).toList();
        return ScimModel.page(matching, startIndex, count);
    }

    User get(ScimClient client, UUID id) {
        return find(client.groupId(), id).orElseThrow(() -> ScimException.notFound("User " + id));
    }

    User create(ScimClient client, JsonNode body) {
        State wanted = fromResource(body, null);
        UUID groupId = client.groupId();
        String email = inGroupsDomain(groupId, wanted.userName());
        Optional<UUID> existing = accounts.accountWithEmail(email);
        JdbcClient jdbc = planes.of(groupId).jdbc();
        if (existing.isPresent() && rows.user(jdbc, groupId, existing.get()).isPresent()) {
            throw ScimException.uniqueness("A user with this userName exists.");
        }
        if (existing.flatMap(directory::account)
                .filter(account -> account.staffRole() != null)
                .isPresent()) {
            throw ScimException.uniqueness("The address is a platform staff account's, which no group manages.");
        }
        UUID accountId;
        try {
            accountId = existing.orElseGet(() -> federated.createAccount(email, wanted.displayName()));
        } catch (AccountExistsException raced) {
            throw ScimException.uniqueness("A user with this userName exists.");
        } catch (IllegalArgumentException invalid) {
            throw ScimException.invalidValue(invalid.getMessage());
        }
        if (existing.isPresent() && wanted.displayName() != null) {
            changeDisplayName(accountId, wanted.displayName());
        }
        Instant now = clock.instant();
        UUID rowId = UUID.randomUUID();
        writes.run(groupId, plane -> {
            rows.insertUser(
                    plane.jdbc(),
                    new ScimRepository.UserRow(
                            rowId,
                            groupId,
                            accountId,
                            seal(groupId, wanted.externalId(), rowId),
                            wanted.active(),
                            now,
                            now));
            changed(client, "user.created", "account", accountId);
        });
        if (!wanted.active()) {
            actions.disable(groupId, accountId, actor(client));
        } else if (!accounts.active(accountId)) {
            actions.enable(groupId, accountId, actor(client));
        }
        roles.apply(groupId, accountId, Set.of());
        return get(client, accountId);
    }

    User replace(ScimClient client, UUID id, JsonNode body) {
        User current = get(client, id);
        return apply(client, current, fromResource(body, current));
    }

    User patch(ScimClient client, UUID id, JsonNode body) {
        User current = get(client, id);
        UserPatch patch = new UserPatch(current);
        for (JsonNode operation : ScimPatch.operations(body)) {
            ScimPatch.Op op = ScimPatch.Op.of(operation);
            if (op.path() == null) {
                if (op.kind() == ScimPatch.Kind.REMOVE || !op.value().isObject()) {
                    throw new ScimException(
                            400,
                            "noTarget",
                            "A remove names its path; an add or replace without"
                                    + " one gives an object of attributes.");
                }
                for (Map.Entry<String, JsonNode> attribute : op.value().properties()) {
                    patch.set(attribute.getKey(), attribute.getValue());
                }
            } else if (op.kind() == ScimPatch.Kind.REMOVE) {
                patch.remove(op.path());
            } else {
                patch.set(op.path(), op.value());
            }
        }
        return apply(client, current, patch.state());
    }

    void delete(ScimClient client, UUID id) {
        UUID groupId = client.groupId();
        get(client, id);
        actions.delete(groupId, id, actor(client));
        writes.run(groupId, plane -> {
            rows.deleteUser(plane.jdbc(), groupId, id);
            changed(client, "user.deleted", "account", id);
        });
    }

    private User apply(ScimClient client, User current, State wanted) {
        UUID groupId = client.groupId();
        UUID id = current.id();
        boolean renamed = !wanted.userName().equalsIgnoreCase(current.userName());
        if (renamed) {
            String email = inGroupsDomain(groupId, wanted.userName());
            try {
                accounts.changeEmail(id, email);
            } catch (AccountExistsException taken) {
                throw ScimException.uniqueness("A user with this userName exists.");
            } catch (IllegalArgumentException invalid) {
                throw ScimException.invalidValue(invalid.getMessage());
            }
        }
        if (!Objects.equals(wanted.displayName(), current.displayName())) {
            changeDisplayName(id, wanted.displayName());
        }
        Instant now = clock.instant();
        ScimRepository.UserRow row =
                rows.user(planes.of(groupId).jdbc(), groupId, id).orElseThrow(() -> ScimException.notFound("User"));
        writes.run(groupId, plane -> {
            rows.updateUser(
                    plane.jdbc(), groupId, id, seal(groupId, wanted.externalId(), row.id()), wanted.active(), now);
            changed(client, "user.updated", "account", id);
        });
        if (current.active() && !wanted.active()) {
            actions.disable(groupId, id, actor(client));
            writes.run(groupId, plane -> changed(client, "user.deactivated", "account", id));
        } else if (!current.active() && wanted.active()) {
            actions.enable(groupId, id, actor(client));
            writes.run(groupId, plane -> changed(client, "user.reactivated", "account", id));
        }
        return get(client, id);
    }

    /** Every provisioned user of the group, oldest first. */
    List<User> all(UUID groupId) {
        JdbcClient jdbc = planes.of(groupId).jdbc();
        List<ScimRepository.UserRow> users = rows.users(jdbc, groupId);
        Map<UUID, AccountSummary> summaries = directory.accountSummaries(
                users.stream().map(ScimRepository.UserRow::accountId).toList());
        Map<UUID, List<Ref>> groupsByAccount = groupsByAccount(jdbc, groupId);
        List<User> all = new ArrayList<>();
        for (ScimRepository.UserRow row : users) {
            AccountSummary summary = summaries.get(row.accountId());
            if (summary != null) {
                all.add(user(row, summary, groupsByAccount.getOrDefault(row.accountId(), List.of())));
            }
        }
        return all;
    }

    Optional<User> find(UUID groupId, UUID id) {
        JdbcClient jdbc = planes.of(groupId).jdbc();
        return rows.user(jdbc, groupId, id)
                .flatMap(row -> directory
                        .account(id)
                        .map(summary -> user(
                                row, summary, groupsByAccount(jdbc, groupId).getOrDefault(id, List.of()))));
    }

    private Map<UUID, List<Ref>> groupsByAccount(JdbcClient jdbc, UUID groupId) {
        Map<UUID, List<Ref>> byAccount = new HashMap<>();
        FieldCipher cipher = ciphers.of(groupId);
        for (ScimRepository.GroupRow group : rows.groups(jdbc, groupId)) {
            String name = ScimRepository.GROUP_NAME.decrypt(cipher, group.sealedName(), group.id());
            for (UUID member : rows.members(jdbc, groupId, group.id())) {
                byAccount.computeIfAbsent(member, k -> new ArrayList<>()).add(new Ref(group.id(), name));
            }
        }
        return byAccount;
    }

    private User user(ScimRepository.UserRow row, AccountSummary summary, List<Ref> groups) {
        return new User(
                row.accountId(),
                summary.email(),
                summary.displayName(),
                ScimRepository.USER_EXTERNAL_ID.decrypt(ciphers.of(row.groupId()), row.sealedExternalId(), row.id()),
                accounts.active(row.accountId()),
                row.createdAt(),
                row.updatedAt(),
                groups);
    }

    private static boolean matches(User user, ScimFilter filter) {
        for (ScimFilter.Comparison comparison : filter.comparisons()) {
            String value = comparison.value();
            boolean match = switch (comparison.attribute()) {
                case "username", "emails.value", "emails" -> value.equalsIgnoreCase(user.userName());
                case "externalid" -> value.equals(user.externalId());
                case "id" -> value.equalsIgnoreCase(user.id().toString());
                case "displayname" -> value.equals(user.displayName());
                case "active" -> value.equalsIgnoreCase(String.valueOf(user.active()));
                default ->
                    throw ScimException.invalidFilter("Users are filtered by userName, externalId,"
                            + " emails[type eq \"work\"].value, id, displayName or active.");
            };
            if (!match) {
                return false;
            }
        }
        return true;
    }

    /** The address, if it is in one of the group's verified domains; else the directory is told why not. */
    private String inGroupsDomain(UUID groupId, String userName) {
        if (EmailAddresses.problemWith(userName).isPresent()) {
            throw ScimException.invalidValue("userName is the person's e-mail address.");
        }
        String email = EmailAddresses.normalise(userName);
        if (domains.managingGroupOf(email).filter(groupId::equals).isEmpty()) {
            throw ScimException.invalidValue(
                    "userName must be an address in one of the group's verified e-mail domains.");
        }
        return email;
    }

    private void changeDisplayName(UUID accountId, @Nullable String displayName) {
        try {
            directory.changeDisplayName(accountId, displayName);
        } catch (IllegalArgumentException invalid) {
            throw ScimException.invalidValue(invalid.getMessage());
        }
    }

    private String seal(UUID groupId, @Nullable String externalId, UUID rowId) {
        return ScimRepository.USER_EXTERNAL_ID.encrypt(ciphers.of(groupId), externalId, rowId);
    }

    private void changed(ScimClient client, String change, String kind, UUID target) {
        events.publishEvent(
                new ScimChanged(client.groupId(), client.tokenId(), change, kind, target, RequestOrigin.current()));
    }

    static AuditActor actor(ScimClient client) {
        return AuditActor.scimClient(client.tokenId());
    }

    /** A User resource (POST, PUT) read over {@code base} (the current state for PUT, null for POST). */
    static State fromResource(JsonNode body, @Nullable User base) {
        if (!body.isObject()) {
            throw ScimException.invalidSyntax("A User resource is a JSON object.");
        }
        String userName = ScimValues.text(body.get("userName"), "userName");
        if (userName == null || userName.isBlank()) {
            throw ScimException.invalidValue("userName is required: the person's e-mail address.");
        }
        JsonNode active = body.get("active");
        boolean isActive = active == null || active.isNull() || ScimValues.bool(active, "active");
        return new State(
                userName.strip(), displayNameOf(body), ScimValues.text(body.get("externalId"), "externalId"), isActive);
    }

    @Nullable
    private static String displayNameOf(JsonNode body) {
        String display = ScimValues.text(body.get("displayName"), "displayName");
        if (display != null && !display.isBlank()) {
            return display.strip();
        }
        JsonNode name = body.path("name");
        String formatted = ScimValues.text(name.get("formatted"), "name.formatted");
        if (formatted != null && !formatted.isBlank()) {
            return formatted.strip();
        }
        String given = ScimValues.text(name.get("givenName"), "name.givenName");
        String family = ScimValues.text(name.get("familyName"), "name.familyName");
        String joined = ((given == null ? "" : given.strip()) + " " + (family == null ? "" : family.strip())).strip();
        return joined.isEmpty() ? null : joined;
    }

    /**
     * A PATCH's changes to a user, attribute by attribute. Attributes Selvedge does not keep (title, phone
     * numbers, the enterprise extension, a password: managed accounts sign in by SSO) are accepted and
     * ignored, as identity providers send them whatever the application keeps.
     */
    private static final class UserPatch {

        private String userName;
        private @Nullable String displayName;
        private @Nullable String externalId;
        private boolean active;
        private @Nullable String given;
        private @Nullable String family;

        UserPatch(User current) {
            userName = current.userName();
            displayName = current.displayName();
            externalId = current.externalId();
            active = current.active();
        }

        void set(String path, JsonNode value) {
            String attribute = path.strip().toLowerCase(Locale.ROOT);
            if (attribute.startsWith("urn:ietf:params:scim:schemas:core:2.0:user:")) {
                attribute = attribute.substring("urn:ietf:params:scim:schemas:core:2.0:user:".length());
            }
            switch (attribute) {
                case "active" -> active = ScimValues.bool(value, "active");
                case "username" -> {
                    String text = ScimValues.text(value, "userName");
                    if (text == null || text.isBlank()) {
                        throw ScimException.invalidValue("userName cannot be empty.");
                    }
                    userName = text.strip();
                }
                case "displayname", "name.formatted" -> displayName = blankToNull(ScimValues.text(value, path));
                case "externalid" -> externalId = ScimValues.text(value, "externalId");
                case "name.givenname" -> given = ScimValues.text(value, path);
                case "name.familyname" -> family = ScimValues.text(value, path);
                case "name" -> {
                    if (value.isObject()) {
                        for (Map.Entry<String, JsonNode> part : value.properties()) {
                            set("name." + part.getKey(), part.getValue());
                        }
                    }
                }
                default -> {
                    // Not kept by Selvedge (emails follow userName, which is the address).
                }
            }
        }

        void remove(String path) {
            switch (path.strip().toLowerCase(Locale.ROOT)) {
                case "externalid" -> externalId = null;
                case "displayname", "name", "name.formatted" -> displayName = null;
                case "username", "active" -> throw ScimException.invalidValue(path + " cannot be removed.");
                default -> {
                    // Not kept by Selvedge.
                }
            }
        }

        State state() {
            String display = displayName;
            if (given != null || family != null) {
                String[] parts = display == null ? new String[] {"", ""} : display.split(" ", 2);
                String first = given != null ? given.strip() : parts[0];
                String last = family != null ? family.strip() : (parts.length > 1 ? parts[1] : "");
                display = blankToNull((first + " " + last).strip());
            }
            return new State(userName, display, externalId, active);
        }

        @Nullable
        private static String blankToNull(@Nullable String text) {
            return text == null || text.isBlank() ? null : text.strip();
        }
    }

    /** The display names of the SCIM groups an account is in. */
    Set<String> groupNamesOf(UUID groupId, UUID accountId) {
        Set<String> names = new LinkedHashSet<>();
        find(groupId, accountId).ifPresent(user -> user.groups().forEach(ref -> names.add(ref.display())));
        return names;
    }
}
