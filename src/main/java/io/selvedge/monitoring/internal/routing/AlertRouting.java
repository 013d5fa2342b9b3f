package io.selvedge.monitoring.internal.routing;

import io.selvedge.crypto.MessageAuthentication;
import io.selvedge.monitoring.AlertCategory;
import io.selvedge.monitoring.AlertRoutingChanged;
import io.selvedge.monitoring.AlertSeverity;
import io.selvedge.monitoring.internal.AlertChanged;
import io.selvedge.platform.RequestOrigin;
import io.selvedge.storage.GroupWrites;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The use cases of routing's configuration: the installation's teams, channels and rules (staff), a group's
 * security contacts (its admins), and a test message to a channel. Each change is audited
 * ({@link AlertRoutingChanged}, by {@code by}): staff's on the platform trail, in the global store's transaction,
 * a group's contacts on the group's trail, in its unit of work. Refusals are {@link IllegalArgumentException}s
 * whose message says what to fix (422).
 */
@Service
class AlertRouting {

    private static final Pattern SLUG = Pattern.compile("[a-z][a-z0-9-]{1,62}");
    static final int MAX_CONTACT_CHANNELS = 10;

    private final RoutingRepository routing;
    private final ContactRepository contacts;
    private final ChannelTransport transport;
    private final ChannelTargets targets;
    private final RoutingProperties properties;
    private final GroupWrites writes;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    AlertRouting(
            RoutingRepository routing,
            ContactRepository contacts,
            ChannelTransport transport,
            RoutingProperties properties,
            GroupWrites writes,
            ApplicationEventPublisher events,
            Clock clock) {
        this.routing = routing;
        this.contacts = contacts;
        this.transport = transport;
        this.targets = new ChannelTargets(properties.allowedHosts());
        this.properties = properties;
        this.writes = writes;
        this.events = events;
        this.clock = clock;
    }

    /** What a channel is made from: {@code secret} is a PagerDuty routing key (a webhook's is made here). */
    record ChannelSpec(
            @Nullable String kind,
            @Nullable String name,
            @Nullable String target,
            @Nullable String secret) {}

    List<Team> teams() {
        return routing.teams();
    }

    @Transactional
    Team addTeam(@Nullable String slug, @Nullable String name, UUID by) {
        String given = slug == null ? "" : slug.strip();
        if (!SLUG.matcher(given).matches()) {
            throw new IllegalArgumentException("A team's slug is 2 to 63 lower-case letters, digits and dashes.");
        }
        if (routing.teams().stream().anyMatch(team -> team.slug().equals(given))) {
            throw new IllegalArgumentException("A team with the slug " + given + " exists.");
        }
        Team team = new Team(UUID.randomUUID(), given, name(name));
        routing.insertTeam(team);
        audited(AlertRoutingChanged.Change.TEAM_ADDED, team.id(), by);
        return team;
    }

    @Transactional
    Optional<Team> renameTeam(UUID id, @Nullable String name, UUID by) {
        String checked = name(name);
        if (!routing.renameTeam(id, checked)) {
            return Optional.empty();
        }
        audited(AlertRoutingChanged.Change.TEAM_RENAMED, id, by);
        return routing.team(id);
    }

    /** Removes a team added by staff with its channels and rules; the three built-in teams stay. */
    @Transactional
    boolean removeTeam(UUID id, UUID by) {
        if (id.equals(Team.SECURITY) || id.equals(Team.OPERATIONS) || id.equals(Team.NETWORK)) {
            throw new IllegalArgumentException("The security, operations and network teams cannot be removed.");
        }
        return routing.deleteTeam(id) && audited(AlertRoutingChanged.Change.TEAM_REMOVED, id, by);
    }

    List<Channel> channels() {
        return routing.channels();
    }

    /** Adds a channel to a team; a webhook's new secret is in the answer, and shown only there. */
    @Transactional
    Channel addChannel(UUID teamId, ChannelSpec spec, UUID by) {
        if (routing.team(teamId).isEmpty()) {
            throw new IllegalArgumentException("No team has the id " + teamId + ".");
        }
        Channel channel = channel(UUID.randomUUID(), spec, null);
        Channel stored = new Channel(
                channel.id(), teamId, null, channel.kind(), channel.name(), channel.target(), channel.secret());
        routing.insertChannel(stored);
        audited(AlertRoutingChanged.Change.CHANNEL_ADDED, stored.id(), by);
        return stored;
    }

    @Transactional
    Optional<Channel> changeChannel(UUID id, @Nullable String name, @Nullable String target, UUID by) {
        Optional<Channel> existing = routing.channel(id);
        if (existing.isEmpty()) {
            return Optional.empty();
        }
        String checked = targets.checked(existing.get().kind(), target);
        routing.updateChannel(id, name(name), checked);
        audited(AlertRoutingChanged.Change.CHANNEL_CHANGED, id, by);
        return routing.channel(id);
    }

    @Transactional
    boolean removeChannel(UUID id, UUID by) {
        return routing.deleteChannel(id) && audited(AlertRoutingChanged.Change.CHANNEL_REMOVED, id, by);
    }

    List<Rule> rules() {
        return routing.rules();
    }

    @Transactional
    Rule addRule(
            @Nullable String category,
            @Nullable String minSeverity,
            @Nullable UUID groupId,
            @Nullable UUID teamId,
            UUID by) {
        Rule rule = rule(UUID.randomUUID(), category, minSeverity, groupId, teamId);
        routing.insertRule(rule);
        audited(AlertRoutingChanged.Change.RULE_ADDED, rule.id(), by);
        return rule;
    }

    @Transactional
    Optional<Rule> changeRule(
            UUID id,
            @Nullable String category,
            @Nullable String minSeverity,
            @Nullable UUID groupId,
            @Nullable UUID teamId,
            UUID by) {
        Rule rule = rule(id, category, minSeverity, groupId, teamId);
        if (!routing.updateRule(rule)) {
            return Optional.empty();
        }
        audited(AlertRoutingChanged.Change.RULE_CHANGED, id, by);
        return Optional.of(rule);
    }

    @Transactional
    boolean removeRule(UUID id, UUID by) {
        return routing.deleteRule(id) && audited(AlertRoutingChanged.Change.RULE_REMOVED, id, by);
    }

    /** Puts the staff's change on the platform trail, in the change's transaction; true. */
    private boolean audited(AlertRoutingChanged.Change change, UUID subjectId, UUID by) {
        events.publishEvent(new AlertRoutingChanged(change, subjectId, null, by, RequestOrigin.current()));
        return true;
    }

    /** Sends a test message to a channel now; empty when sent, else why not (no URL or secret in it). */
    Optional<String> test(Channel channel) {
        AlertChanged test = new AlertChanged(
                UUID.randomUUID(),
                AlertChanged.Change.OPENED,
                "routing-test",
                AlertSeverity.INFO,
                AlertCategory.OPERATIONS,
                channel.groupId(),
                "routing-test:" + channel.id(),
                "A test message from Selvedge: this channel receives alerts",
                Map.of("channel", channel.id().toString()),
                1,
                clock.instant(),
                null);
        try {
            transport.send(channel, test);
            return Optional.empty();
        } catch (ChannelTransport.ChannelFailedException e) {
            return Optional.of(e.getMessage());
        }
    }

    Optional<Channel> channel(UUID id) {
        return routing.channel(id);
    }

    /** A group's security contacts: the least severe alert they receive, and their channels. */
    record Contacts(AlertSeverity minSeverity, List<Channel> channels) {}

    Contacts contactsOf(UUID groupId) {
        return new Contacts(
                contacts.minSeverity(groupId).orElse(properties.contactsMinSeverity()), contacts.channels(groupId));
    }

    /**
     * Replaces a group's contacts. A channel given with the id of an existing one of the same kind keeps its
     * secret; a new webhook gets a new secret, in the answer only.
     */
    Contacts replaceContacts(UUID groupId, @Nullable String minSeverity, List<ContactSpec> given, UUID by) {
        AlertSeverity severity =
                severity(minSeverity == null ? properties.contactsMinSeverity().name() : minSeverity);
        if (given.size() > MAX_CONTACT_CHANNELS) {
            throw new IllegalArgumentException("A group has at most " + MAX_CONTACT_CHANNELS + " contact channels.");
        }
        List<Channel> existing = contacts.channels(groupId);
        List<Channel> channels = new ArrayList<>();
        for (ContactSpec spec : given) {
            Channel kept = spec.id() == null
                    ? null
                    : existing.stream()
                            .filter(c -> c.id().equals(spec.id()))
                            // the same kind only: a channel whose kind changes is a new one (new id, new secret)
                            .filter(c -> c.kind()
                                    .name()
                                    .equalsIgnoreCase(
                                            String.valueOf(spec.channel().kind())
                                                    .strip()))
                            .findFirst()
                            .orElse(null);
            Channel made = channel(kept == null ? UUID.randomUUID() : kept.id(), spec.channel(), kept);
            channels.add(new Channel(made.id(), null, groupId, made.kind(), made.name(), made.target(), made.secret()));
        }
        writes.run(groupId, tx -> {
            contacts.replace(groupId, severity, channels);
            events.publishEvent(new AlertRoutingChanged(
                    AlertRoutingChanged.Change.CONTACTS_CHANGED, groupId, groupId, by, RequestOrigin.current()));
        });
        return new Contacts(severity, channels);
    }

    /** One channel of a group's contacts: {@code id} of an existing one to keep its secret. */
    record ContactSpec(@Nullable UUID id, ChannelSpec channel) {}

    Optional<Channel> contactChannel(UUID groupId, UUID channelId) {
        return contacts.channel(groupId, channelId);
    }

    private Channel channel(UUID id, ChannelSpec spec, @Nullable Channel kept) {
        ChannelKind kind = kind(spec.kind());
        String target = targets.checked(kind, spec.target());
        String secret = switch (kind) {
            case EMAIL, SLACK -> null;
            case WEBHOOK ->
                kept != null && kept.kind() == kind && kept.secret() != null
                        ? kept.secret()
                        : MessageAuthentication.newSecret();
            case PAGERDUTY -> routingKey(spec.secret(), kept != null && kept.kind() == kind ? kept.secret() : null);
        };
        return new Channel(id, null, null, kind, name(spec.name()), target, secret);
    }

    private static String routingKey(@Nullable String given, @Nullable String kept) {
        if ((given == null || given.isBlank()) && kept != null) {
            return kept;
        }
        if (given == null || !given.strip().matches("[A-Za-z0-9]{20,64}")) {
            throw new IllegalArgumentException(
                    "A PagerDuty channel needs its integration's routing key (secret: 32 letters and digits).");
        }
        return given.strip();
    }

    private Rule rule(
            UUID id,
            @Nullable String category,
            @Nullable String minSeverity,
            @Nullable UUID groupId,
            @Nullable UUID teamId) {
        if (teamId == null || routing.team(teamId).isEmpty()) {
            throw new IllegalArgumentException("Give the id of the team the rule routes to (teamId).");
        }
        AlertCategory parsed;
        try {
            parsed = AlertCategory.valueOf(
                    category == null ? "" : category.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("category is SECURITY, OPERATIONS or NETWORK.");
        }
        return new Rule(id, parsed, severity(minSeverity), groupId, teamId);
    }

    static AlertSeverity severity(@Nullable String given) {
        try {
            return AlertSeverity.valueOf(given == null ? "" : given.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("minSeverity is INFO, WARNING or CRITICAL.");
        }
    }

    private static ChannelKind kind(@Nullable String given) {
        try {
            return ChannelKind.valueOf(given == null ? "" : given.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("kind is EMAIL, WEBHOOK, SLACK or PAGERDUTY.");
        }
    }

    private static String name(@Nullable String name) {
        String given = name == null ? "" : name.strip();
        if (given.isEmpty() || given.length() > 200 || given.chars().anyMatch(Character::isISOControl)) {
            throw new IllegalArgumentException("Give a name of at most 200 characters, on one line.");
        }
        return given;
    }
}
