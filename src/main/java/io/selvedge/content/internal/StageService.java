package io.selvedge.content.internal;

import io.selvedge.access.Action;
import io.selvedge.access.ActionDeniedException;
import io.selvedge.access.Authorization;
import io.selvedge.access.PermissionTable;
import io.selvedge.access.Role;
import io.selvedge.content.ContentRefusedException;
import io.selvedge.content.InvalidContentException;
import io.selvedge.content.Stage;
import io.selvedge.content.StageDraft;
import io.selvedge.content.StageMove;
import io.selvedge.content.Stages;
import io.selvedge.content.StagesDefined;
import io.selvedge.content.Style;
import io.selvedge.content.StyleStageMoved;
import io.selvedge.content.Styles;
import io.selvedge.crypto.FieldCipher;
import io.selvedge.crypto.FieldCiphers;
import io.selvedge.platform.AuditActor;
import io.selvedge.platform.RequestOrigin;
import io.selvedge.storage.GroupDataPlanes;
import io.selvedge.storage.GroupWrites;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import lombok.RequiredArgsConstructor;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * Workflow stages in each group's region: the list is replaced as a whole (its order is the stages' order) and
 * a style's move is written with its history row, each in one unit of work with its event.
 */
@Service
@RequiredArgsConstructor
class StageService implements Stages {

    static final int MAX_NAME = 60;
    private static final Pattern COLOUR = Pattern.compile("#[0-9a-f]{6}");

    private final GroupWrites writes;
    private final GroupDataPlanes planes;
    private final StageRepository stages;
    private final StyleRepository styleRows;
    private final Styles styles;
    private final FieldCiphers ciphers;
    // Asked lazily: the decision point's locators include this module's, which read styles.
    private final ObjectProvider<Authorization> authorization;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    @Override
    public List<Stage> of(UUID groupId) {
        return read(planes.of(groupId).jdbc(), groupId);
    }

    private List<Stage> read(JdbcClient jdbc, UUID groupId) {
        List<StageRepository.Row> rows = stages.ofGroup(jdbc, groupId);
        if (rows.isEmpty()) {
            return DefaultStages.ALL;
        }
        FieldCipher cipher = ciphers.of(groupId);
        return rows.stream()
                .map(row -> new Stage(
                        row.key(),
                        StageRepository.NAME.decrypt(cipher, row.name(), row.rowId()),
                        row.colour(),
                        row.roles()))
                .toList();
    }

    @Override
    public List<Stage> define(UUID groupId, List<StageDraft> drafts, UUID actor) {
        if (drafts == null || drafts.isEmpty() || drafts.size() > MAX_STAGES) {
            throw new InvalidContentException("A group has 1 to " + MAX_STAGES + " stages.");
        }
        FieldCipher cipher = ciphers.of(groupId);
        try {
            return writes.write(groupId, plane -> {
                JdbcClient jdbc = plane.jdbc();
                Map<String, Stage> current =
                        read(jdbc, groupId).stream().collect(Collectors.toMap(Stage::id, Function.identity()));
                List<Stage> next = new ArrayList<>();
                Set<String> kept = new HashSet<>();
                for (StageDraft draft : drafts) {
                    Stage stage = checked(draft, current.keySet());
                    if (!kept.add(stage.id())) {
                        throw new InvalidContentException("Each stage is listed once.");
                    }
                    next.add(stage);
                }
                if (next.stream()
                                .map(stage -> stage.name().toLowerCase(Locale.ROOT))
                                .distinct()
                                .count()
                        < next.size()) {
                    throw new InvalidContentException("Two stages may not have the same name.");
                }
                for (String removed : current.keySet()) {
                    if (!kept.contains(removed) && styleRows.anyInStage(jdbc, groupId, removed)) {
                        throw new ContentRefusedException(
                                "A stage that styles are in cannot be removed: move them to another stage first.");
                    }
                }
                List<StageRepository.Row> rows = new ArrayList<>();
                for (Stage stage : next) {
                    UUID rowId = UUID.randomUUID();
                    rows.add(new StageRepository.Row(
                            rowId,
                            stage.id(),
                            StageRepository.NAME.encrypt(cipher, stage.name(), rowId),
                            stage.colour(),
                            stage.roles()));
                }
                stages.replace(jdbc, groupId, rows);
                events.publishEvent(new StagesDefined(
                        groupId,
                        next.stream().map(Stage::id).toList(),
                        AuditActor.account(actor),
                        RequestOrigin.current()));
                return List.copyOf(next);
            });
        } catch (DuplicateKeyException e) {
            throw new ContentRefusedException("The stages were changed meanwhile: read them and try again.");
        }
    }

    /** A draft as the stage it defines: an existing id or a new one, a valid name, colour and roles. */
    private static Stage checked(StageDraft draft, Set<String> existing) {
        if (draft == null) {
            throw new InvalidContentException("A stage is required.");
        }
        String id = draft.id() == null ? UUID.randomUUID().toString() : draft.id();
        if (draft.id() != null && !existing.contains(id)) {
            throw new InvalidContentException("There is no stage with that id in this group.");
        }
        String name = StyleFields.name(draft.name());
        if (name.codePointCount(0, name.length()) > MAX_NAME) {
            throw new InvalidContentException("A stage's name has 1 to " + MAX_NAME + " characters.");
        }
        String colour = draft.colour() == null ? "" : draft.colour().strip().toLowerCase(Locale.ROOT);
        if (!COLOUR.matcher(colour).matches()) {
            throw new InvalidContentException("A stage's colour is written #rrggbb.");
        }
        if (draft.roles() == null
                || draft.roles().isEmpty()
                || draft.roles().stream().anyMatch(Objects::isNull)) {
            throw new InvalidContentException("A stage admits at least one role.");
        }
        Set<Role> roles = EnumSet.copyOf(draft.roles());
        if (!movers().containsAll(roles)) {
            throw new InvalidContentException("A stage admits only roles that may move styles: " + movers() + ".");
        }
        return new Stage(id, name, colour, roles);
    }

    /** The roles a stage may admit: those the permission table lets move a style at all. */
    static Set<Role> movers() {
        return Collections.unmodifiableSet(PermissionTable.rolesFor(Action.MOVE_TO_STAGE));
    }

    @Override
    public Style move(UUID styleId, String stageId, UUID actor) {
        Authorization decisions = authorization.getObject();
        decisions.require(Action.MOVE_TO_STAGE, styleId);
        Style style = styles.get(styleId);
        UUID groupId = style.groupId();
        Stage target = of(groupId).stream()
                .filter(stage -> stage.id().equals(stageId))
                .findFirst()
                .orElseThrow(() -> new InvalidContentException("This group has no such stage."));
        if (Collections.disjoint(decisions.rolesOn(styleId), target.roles())) {
            throw new ActionDeniedException("Your role may not move a style into this stage.");
        }
        Instant now = clock.instant();
        writes.run(groupId, plane -> {
            JdbcClient jdbc = plane.jdbc();
            StyleRow row = styleRows
                    .find(jdbc, groupId, styleId, true)
                    .filter(StyleRow::live)
                    .orElseThrow(io.selvedge.content.NoSuchContentException::new);
            if (row.stage().equals(stageId)) {
                return; // already there: nothing moved
            }
            styleRows.setStage(jdbc, styleId, stageId);
            styleRows.touch(jdbc, styleId, actor, now);
            stages.insertMove(
                    jdbc,
                    groupId,
                    new StageRepository.Move(UUID.randomUUID(), styleId, row.stage(), stageId, actor, now));
            events.publishEvent(new StyleStageMoved(
                    groupId, styleId, row.stage(), stageId, AuditActor.account(actor), RequestOrigin.current()));
        });
        return styles.get(styleId);
    }

    @Override
    public List<StageMove> history(UUID styleId) {
        Style style = styles.get(styleId);
        return stages.movesOf(planes.of(style.groupId()).jdbc(), style.groupId(), styleId).stream()
                .map(move -> new StageMove(move.id(), styleId, move.from(), move.to(), move.actorId(), move.at()))
                .toList();
    }
}
