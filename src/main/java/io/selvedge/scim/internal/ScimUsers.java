package io.selvedge.scim.internal;

import io.selvedge.access.EmailDomains;
import io.selvedge.access.ManagedAccountActions;
import io.selvedge.crypto.EncryptedColumn;
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
import lombok.RequiredArgsConstructor;
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
@RequiredArgsConstructor
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

    /** What the directory says of a user. */
    record State(
            String userName,
            @Nullable String displayName,
            @Nullable String givenName,
            @Nullable String familyName,
            @Nullable String externalId,
            boolean active) {}

    Page<User> list(ScimClient client, ScimFilter filter, @Nullable Integer startIndex, @Nullable Integer count) {
        List<User> all = all(client.groupId());
        filter.on(FILTERABLE, FILTER_REFUSAL);
        List<User> matching = all.stream()
                .filter(user -> filter.matches(attribute -> valuesOf(user, attribute)))
                .toList();
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
                            seal(ScimRepository.USER_EXTERNAL_ID, groupId, wanted.externalId(), rowId),
                            seal(ScimRepository.USER_GIVEN_NAME, groupId, wanted.givenName(), rowId),
                            seal(ScimRepository.USER_FAMILY_NAME, groupId, wanted.familyName(), rowId),
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
            rows.updateUser(plane.jdbc(), groupId, id, sealed(groupId, wanted, row.id()), now);
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
        FieldCipher cipher = ciphers.of(row.groupId());
        return new User(
                row.accountId(),
                summary.email(),
                summary.displayName(),
                ScimRepository.USER_GIVEN_NAME.decrypt(cipher, row.sealedGivenName(), row.id()),
                ScimRepository.USER_FAMILY_NAME.decrypt(cipher, row.sealedFamilyName(), row.id()),
                ScimRepository.USER_EXTERNAL_ID.decrypt(cipher, row.sealedExternalId(), row.id()),
                accounts.active(row.accountId()),
                row.createdAt(),
                row.updatedAt(),
                groups);
    }

    private static final Set<String> FILTERABLE = Set.of(
            "username",
            "emails.value",
            "emails",
            "externalid",
            "id",
            "displayname",
            "name.formatted",
            "name.givenname",
            "name.familyname",
            "active");

    /** A user's attributes as filters compare them: userName, names and id ignore case, externalId not. */
    private static ScimFilter.Values valuesOf(User user, String attribute) {
        return switch (attribute) {
            case "username", "emails.value", "emails" -> ScimFilter.Values.of(user.userName(), false);
            case "externalid" -> ScimFilter.Values.of(user.externalId(), true);
            case "id" -> ScimFilter.Values.of(user.id().toString(), false);
            case "displayname", "name.formatted" -> ScimFilter.Values.of(user.displayName(), false);
            case "name.givenname" -> ScimFilter.Values.of(user.givenName(), false);
            case "name.familyname" -> ScimFilter.Values.of(user.familyName(), false);
            case "active" -> ScimFilter.Values.of(String.valueOf(user.active()), false);
            default -> throw ScimException.invalidFilter(FILTER_REFUSAL);
        };
    }

    private static final String FILTER_REFUSAL = "Users are filtered by userName, emails[type eq \"work\"].value,"
            + " externalId, id, displayName, name.givenName, name.familyName or active.";

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

    private ScimRepository.UserFields sealed(UUID groupId, State wanted, UUID rowId) {
        return new ScimRepository.UserFields(
                seal(ScimRepository.USER_EXTERNAL_ID, groupId, wanted.externalId(), rowId),
                seal(ScimRepository.USER_GIVEN_NAME, groupId, wanted.givenName(), rowId),
                seal(ScimRepository.USER_FAMILY_NAME, groupId, wanted.familyName(), rowId),
                wanted.active());
    }

    private String seal(EncryptedColumn column, UUID groupId, @Nullable String value, UUID rowId) {
        return column.encrypt(ciphers.of(groupId), value, rowId);
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
        JsonNode name = body.path("name");
        return new State(
                userName.strip(),
                displayNameOf(body),
                blankToNull(ScimValues.text(name.get("givenName"), "name.givenName")),
                blankToNull(ScimValues.text(name.get("familyName"), "name.familyName")),
                ScimValues.text(body.get("externalId"), "externalId"),
                isActive);
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

        private boolean partsChanged;
        private boolean displaySet;

        UserPatch(User current) {
            userName = current.userName();
            displayName = current.displayName();
            externalId = current.externalId();
            active = current.active();
            given = current.givenName();
            family = current.familyName();
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
                case "displayname", "name.formatted" -> {
                    displayName = blankToNull(ScimValues.text(value, path));
                    displaySet = true;
                }
                case "externalid" -> externalId = ScimValues.text(value, "externalId");
                case "name.givenname" -> {
                    given = blankToNull(ScimValues.text(value, path));
                    partsChanged = true;
                }
                case "name.familyname" -> {
                    family = blankToNull(ScimValues.text(value, path));
                    partsChanged = true;
                }
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
                case "displayname", "name.formatted" -> displayName = null;
                case "name" -> {
                    displayName = null;
                    given = null;
                    family = null;
                }
                case "name.givenname" -> given = null;
                case "name.familyname" -> family = null;
                case "username", "active" -> throw ScimException.invalidValue(path + " cannot be removed.");
                default -> {
                    // Not kept by Selvedge.
                }
            }
        }

        State state() {
            String display = displayName;
            if (partsChanged && !displaySet && (given != null || family != null)) {
                // A directory that changes only the parts names the person by them.
                display = blankToNull(((given == null ? "" : given) + " " + (family == null ? "" : family)).strip());
            }
            return new State(userName, display, given, family, externalId, active);
        }
    }

    @Nullable
    private static String blankToNull(@Nullable String text) {
        return text == null || text.isBlank() ? null : text.strip();
    }

    /** The display names of the SCIM groups an account is in. */
    Set<String> groupNamesOf(UUID groupId, UUID accountId) {
        Set<String> names = new LinkedHashSet<>();
        find(groupId, accountId).ifPresent(user -> user.groups().forEach(ref -> names.add(ref.display())));
        return names;
    }
}
