package io.selvedge.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.selvedge.access.Action;
import io.selvedge.access.Requires;
import io.selvedge.access.Role;
import io.selvedge.content.InvalidContentException;
import io.selvedge.content.Stage;
import io.selvedge.content.StageDraft;
import io.selvedge.content.StageMove;
import io.selvedge.content.Stages;
import io.selvedge.identity.Callers;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;
import lombok.RequiredArgsConstructor;
import org.jspecify.annotations.Nullable;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * A group's workflow stages (every member reads them; group admins define them as a whole list, in order),
 * moving a style into a stage (the stage's roles decide, after {@code MOVE_TO_STAGE}) and a style's moves.
 */
@RestController
@RequiredArgsConstructor
class StagesApi {

    private static final String BASE = "/api/v1/";

    private final Stages stages;
    private final Callers callers;

    @GetMapping(BASE + "groups/{groupId}/stages")
    @Requires(value = Action.VIEW_GROUP, target = "groupId")
    StageList list(@PathVariable UUID groupId) {
        return StageList.of(stages.of(groupId));
    }

    @PutMapping(BASE + "groups/{groupId}/stages")
    @Requires(value = Action.MANAGE_STAGES, target = "groupId")
    StageList define(@PathVariable UUID groupId, @RequestBody StageListRequest request) {
        if (request.stages() == null) {
            throw new InvalidContentException("Give the stages, in order.");
        }
        List<StageDraft> drafts = request.stages().stream()
                .map(stage ->
                        stage == null ? null : new StageDraft(stage.id(), stage.name(), stage.colour(), stage.roles()))
                .toList();
        return StageList.of(stages.define(groupId, drafts, caller()));
    }

    @PutMapping(BASE + "styles/{id}/stage")
    @Requires(value = Action.MOVE_TO_STAGE, target = "id")
    StylesApi.StyleResponse move(@PathVariable UUID id, @RequestBody StageChoice choice) {
        if (choice.stage() == null || choice.stage().isBlank()) {
            throw new InvalidContentException("Give the stage's id.");
        }
        return StylesApi.StyleResponse.of(stages.move(id, choice.stage(), caller()));
    }

    @GetMapping(BASE + "styles/{id}/stage-moves")
    @Requires(value = Action.VIEW, target = "id")
    MovePage moves(
            @PathVariable UUID id,
            @RequestParam(defaultValue = ListPages.LIMIT) int limit,
            @RequestParam(required = false) @Nullable String cursor) {
        ListPages.Slice<StageMove> page =
                ListPages.page(stages.history(id), move -> move.id().toString(), limit, cursor);
        return new MovePage(
                page.items().stream()
                        .map(move -> new MoveResponse(
                                move.id(), move.fromStage(), move.toStage(), move.actorId(), move.at()))
                        .toList(),
                page.nextCursor());
    }

    private UUID caller() {
        return callers.current().orElseThrow().accountId();
    }

    record StageListRequest(@Nullable List<StageRequest> stages) {}

    /** A stage of the list: {@code id} of an existing stage, or none for a new one. */
    record StageRequest(
            @Nullable String id,
            @Nullable String name,
            @Nullable String colour,
            @Nullable List<Role> roles) {}

    record StageChoice(@Nullable String stage) {}

    record StageResponse(String id, String name, String colour, List<Role> roles) {
        static StageResponse of(Stage stage) {
            return new StageResponse(
                    stage.id(),
                    stage.name(),
                    stage.colour(),
                    stage.roles().stream().sorted(Comparator.naturalOrder()).toList());
        }
    }

    /** Every stage, in order: a group has few, so the list is never paged. */
    record StageList(List<StageResponse> items) {
        static StageList of(List<Stage> stages) {
            return new StageList(stages.stream().map(StageResponse::of).toList());
        }
    }

    record MoveResponse(
            UUID id,

            @JsonInclude(JsonInclude.Include.ALWAYS) @Nullable
            String from,

            String to,
            UUID by,
            Instant at) {}

    record MovePage(
            List<MoveResponse> items,

            @JsonInclude(JsonInclude.Include.ALWAYS) @Nullable
            String nextCursor) {}
}
