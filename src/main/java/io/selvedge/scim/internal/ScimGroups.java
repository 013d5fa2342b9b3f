package io.selvedge.scim.internal;

import io.selvedge.crypto.FieldCipher;
import io.selvedge.crypto.FieldCiphers;
import io.selvedge.identity.AccountDirectory;
import io.selvedge.identity.AccountSummary;
import io.selvedge.platform.RequestOrigin;
import io.selvedge.scim.ScimChanged;
import io.selvedge.scim.internal.ScimModel.Group;
import io.selvedge.scim.internal.ScimModel.Page;
import io.selvedge.scim.internal.ScimModel.Ref;
import io.selvedge.storage.GroupDataPlanes;
import io.selvedge.storage.GroupWrites;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import lombok.RequiredArgsConstructor;
import org.jspecify.annotations.Nullable;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import tools.jackson.databind.JsonNode;

/**
 * SCIM Groups of one group, kept in its region; members are the group's provisioned users. A change of a
 * group's members or name sets the roles of the accounts it touches ({@link ScimRoles}).
 */
@Service
@RequiredArgsConstructor
class ScimGroups {

    private static final Pattern MEMBER_PATH =
            Pattern.compile("(?i)members\\s*\\[\\s*value\\s+eq\\s+\"([^\"]+)\"\\s*\\]");

    private final GroupWrites writes;
    private final GroupDataPlanes planes;
    private final ScimRepository rows;
    private final FieldCiphers ciphers;
    private final AccountDirectory directory;
    private final ScimUsers users;
    private final ScimRoles roles;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    Page<Group> list(ScimClient client, ScimFilter filter, @Nullable Integer startIndex, @Nullable Integer count) {
        filter.on(FILTERABLE, FILTER_REFUSAL);
        List<Group> matching = all(client.groupId()).stream()
                .filter(group -> filter.matches(attribute -> valuesOf(group, attribute)))
                .toList();
        return ScimModel.page(matching, startIndex, count);
    }

    Group get(ScimClient client, UUID id) {
        return find(client.groupId(), id).orElseThrow(() -> ScimException.notFound("Group " + id));
    }

    Group create(ScimClient client, JsonNode body) {
        UUID groupId = client.groupId();
        String name = displayNameOf(body);
        String externalId = ScimValues.text(body.get("externalId"), "externalId");
        Set<UUID> members = membersOf(groupId, body.get("members"));
        requireFreeName(groupId, name, null);
        UUID id = UUID.randomUUID();
        Instant now = clock.instant();
        writes.run(groupId, plane -> {
            FieldCipher cipher = ciphers.of(groupId);
            rows.insertGroup(
                    plane.jdbc(),
                    new ScimRepository.GroupRow(
                            id,
                            groupId,
                            ScimRepository.GROUP_NAME.encrypt(cipher, name, id),
                            ScimRepository.GROUP_EXTERNAL_ID.encrypt(cipher, externalId, id),
                            now,
                            now));
            changed(client, "group.created", id);
            for (UUID member : members) {
                rows.addMember(plane.jdbc(), groupId, id, member);
                changed(client, "group.member-added", "account", member);
            }
        });
        members.forEach(member -> applyRoles(groupId, member));
        return get(client, id);
    }

    Group replace(ScimClient client, UUID id, JsonNode body) {
        Group current = get(client, id);
        String name = displayNameOf(body);
        String externalId = ScimValues.text(body.get("externalId"), "externalId");
        Set<UUID> members = body.has("members")
                ? membersOf(client.groupId(), body.get("members"))
                : new LinkedHashSet<>(current.members().stream().map(Ref::id).toList());
        return change(client, current, name, externalId, members);
    }

    Group patch(ScimClient client, UUID id, JsonNode body) {
        Group current = get(client, id);
        UUID groupId = client.groupId();
        String name = current.displayName();
        String externalId = current.externalId();
        Set<UUID> members =
                new LinkedHashSet<>(current.members().stream().map(Ref::id).toList());
        for (JsonNode operation : ScimPatch.operations(body)) {
            ScimPatch.Op op = ScimPatch.Op.of(operation);
            String path = op.path() == null ? null : op.path().toLowerCase(Locale.ROOT);
            if (path == null) {
                if (op.kind() == ScimPatch.Kind.REMOVE || !op.value().isObject()) {
                    throw new ScimException(400, "noTarget", "A remove names its path.");
                }
                for (Map.Entry<String, JsonNode> attribute : op.value().properties()) {
                    switch (attribute.getKey().toLowerCase(Locale.ROOT)) {
                        case "displayname" -> name = requiredName(attribute.getValue());
                        case "externalid" -> externalId = ScimValues.text(attribute.getValue(), "externalId");
                        case "members" -> {
                            Set<UUID> given = membersOf(groupId, attribute.getValue());
                            if (op.kind() == ScimPatch.Kind.REPLACE) {
                                members.clear();
                            }
                            members.addAll(given);
                        }
                        default -> {
                            // id, schemas, meta: not changed by a PATCH.
                        }
                    }
                }
            } else if (path.equals("displayname")) {
                if (op.kind() == ScimPatch.Kind.REMOVE) {
                    throw ScimException.invalidValue("displayName cannot be removed.");
                }
                name = requiredName(op.value());
            } else if (path.equals("externalid")) {
                externalId = op.kind() == ScimPatch.Kind.REMOVE ? null : ScimValues.text(op.value(), "externalId");
            } else if (path.equals("members")) {
                switch (op.kind()) {
                    case ADD -> members.addAll(membersOf(groupId, op.value()));
                    case REPLACE -> {
                        members.clear();
                        members.addAll(membersOf(groupId, op.value()));
                    }
                    case REMOVE -> {
                        if (op.value().isNull() || op.value().isMissingNode()) {
                            members.clear();
                        } else {
                            members.removeAll(idsOf(op.value()));
                        }
                    }
                }
            } else {
                Matcher member = MEMBER_PATH.matcher(op.path());
                if (member.matches() && op.kind() == ScimPatch.Kind.REMOVE) {
                    members.remove(idOf(member.group(1)));
                } else {
                    throw ScimException.invalidPath("A group's displayName, externalId and members are changed.");
                }
            }
        }
        return change(client, current, name, externalId, members);
    }

    void delete(ScimClient client, UUID id) {
        Group current = get(client, id);
        UUID groupId = client.groupId();
        writes.run(groupId, plane -> {
            rows.deleteGroup(plane.jdbc(), groupId, id);
            changed(client, "group.deleted", id);
        });
        current.members().forEach(member -> applyRoles(groupId, member.id()));
    }

    private Group change(
            ScimClient client, Group current, String name, @Nullable String externalId, Set<UUID> members) {
        UUID groupId = client.groupId();
        UUID id = current.id();
        if (!name.equals(current.displayName())) {
            requireFreeName(groupId, name, id);
        }
        Set<UUID> before =
                new LinkedHashSet<>(current.members().stream().map(Ref::id).toList());
        boolean renamed = !name.equals(current.displayName());
        boolean updated = renamed || !Objects.equals(externalId, current.externalId());
        writes.run(groupId, plane -> {
            JdbcClient jdbc = plane.jdbc();
            if (updated) {
                FieldCipher cipher = ciphers.of(groupId);
                rows.updateGroup(
                        jdbc,
                        groupId,
                        id,
                        ScimRepository.GROUP_NAME.encrypt(cipher, name, id),
                        ScimRepository.GROUP_EXTERNAL_ID.encrypt(cipher, externalId, id),
                        clock.instant());
                changed(client, "group.updated", id);
            }
            for (UUID gone : before) {
                if (!members.contains(gone) && rows.removeMember(jdbc, groupId, id, gone)) {
                    changed(client, "group.member-removed", "account", gone);
                }
            }
            for (UUID added : members) {
                if (!before.contains(added) && rows.addMember(jdbc, groupId, id, added)) {
                    changed(client, "group.member-added", "account", added);
                }
            }
        });
        Set<UUID> touched = new LinkedHashSet<>();
        if (renamed) {
            touched.addAll(before);
            touched.addAll(members);
        } else {
            before.stream().filter(member -> !members.contains(member)).forEach(touched::add);
            members.stream().filter(member -> !before.contains(member)).forEach(touched::add);
        }
        touched.forEach(member -> applyRoles(groupId, member));
        return get(client, id);
    }

    private void applyRoles(UUID groupId, UUID accountId) {
        if (users.find(groupId, accountId).isPresent()) {
            roles.apply(groupId, accountId, users.groupNamesOf(groupId, accountId));
        }
    }

    List<Group> all(UUID groupId) {
        JdbcClient jdbc = planes.of(groupId).jdbc();
        List<Group> all = new ArrayList<>();
        for (ScimRepository.GroupRow row : rows.groups(jdbc, groupId)) {
            all.add(group(jdbc, row));
        }
        return all;
    }

    Optional<Group> find(UUID groupId, UUID id) {
        JdbcClient jdbc = planes.of(groupId).jdbc();
        return rows.group(jdbc, groupId, id).map(row -> group(jdbc, row));
    }

    private Group group(JdbcClient jdbc, ScimRepository.GroupRow row) {
        FieldCipher cipher = ciphers.of(row.groupId());
        List<UUID> memberIds = rows.members(jdbc, row.groupId(), row.id());
        Map<UUID, AccountSummary> summaries = directory.accountSummaries(memberIds);
        List<Ref> members = memberIds.stream()
                .map(member -> new Ref(
                        member,
                        Optional.ofNullable(summaries.get(member))
                                .map(AccountSummary::email)
                                .orElse(null)))
                .toList();
        return new Group(
                row.id(),
                ScimRepository.GROUP_NAME.decrypt(cipher, row.sealedName(), row.id()),
                ScimRepository.GROUP_EXTERNAL_ID.decrypt(cipher, row.sealedExternalId(), row.id()),
                row.createdAt(),
                row.updatedAt(),
                members);
    }

    private static final Set<String> FILTERABLE = Set.of("displayname", "externalid", "id", "members.value", "members");
    private static final String FILTER_REFUSAL = "Groups are filtered by displayName, externalId, id or members.value.";

    /** A group's attributes as filters compare them: its name and ids ignore case, externalId not. */
    private static ScimFilter.Values valuesOf(Group group, String attribute) {
        return switch (attribute) {
            case "displayname" -> ScimFilter.Values.of(group.displayName(), false);
            case "externalid" -> ScimFilter.Values.of(group.externalId(), true);
            case "id" -> ScimFilter.Values.of(group.id().toString(), false);
            case "members.value", "members" ->
                new ScimFilter.Values(
                        group.members().stream()
                                .map(member -> member.id().toString())
                                .toList(),
                        false);
            default -> throw ScimException.invalidFilter(FILTER_REFUSAL);
        };
    }

    private void requireFreeName(UUID groupId, String name, @Nullable UUID except) {
        boolean taken = all(groupId).stream()
                .anyMatch(group ->
                        !group.id().equals(except) && group.displayName().equalsIgnoreCase(name));
        if (taken) {
            throw ScimException.uniqueness("A group with this displayName exists.");
        }
    }

    /** The members named in a list of {@code {value}}; each must be a user of this group. */
    private Set<UUID> membersOf(UUID groupId, @Nullable JsonNode value) {
        Set<UUID> members = new LinkedHashSet<>();
        if (value == null || value.isNull() || value.isMissingNode()) {
            return members;
        }
        for (UUID id : idsOf(value)) {
            if (users.find(groupId, id).isEmpty()) {
                throw ScimException.invalidValue("A member is not one of this group's users: " + id + ".");
            }
            members.add(id);
        }
        return members;
    }

    private static Set<UUID> idsOf(JsonNode value) {
        Set<UUID> ids = new LinkedHashSet<>();
        if (!value.isArray()) {
            throw ScimException.invalidValue("members is a list of {\"value\": id}.");
        }
        for (JsonNode member : value) {
            ids.add(idOf(ScimValues.text(member.get("value"), "members.value")));
        }
        return ids;
    }

    private static UUID idOf(@Nullable String value) {
        try {
            return UUID.fromString(String.valueOf(value).strip());
        } catch (IllegalArgumentException e) {
            throw ScimException.invalidValue("A member's value is a user's id.");
        }
    }

    private static String displayNameOf(JsonNode body) {
        if (!body.isObject()) {
            throw ScimException.invalidSyntax("A Group resource is a JSON object.");
        }
        return requiredName(body.get("displayName"));
    }

    private static String requiredName(@Nullable JsonNode value) {
        String name = ScimValues.text(value, "displayName");
        if (name == null || name.isBlank()) {
            throw ScimException.invalidValue("displayName is required.");
        }
        return name.strip();
    }

    private void changed(ScimClient client, String change, UUID group) {
        changed(client, change, "scim-group", group);
    }

    private void changed(ScimClient client, String change, String kind, UUID target) {
        events.publishEvent(
                new ScimChanged(client.groupId(), client.tokenId(), change, kind, target, RequestOrigin.current()));
    }
}
