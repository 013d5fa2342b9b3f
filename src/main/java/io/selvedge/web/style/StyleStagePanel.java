package io.selvedge.web.style;

import io.selvedge.access.Action;
import io.selvedge.access.Authorization;
import io.selvedge.access.Requires;
import io.selvedge.content.InvalidContentException;
import io.selvedge.content.Stage;
import io.selvedge.content.StageMove;
import io.selvedge.content.Stages;
import io.selvedge.content.Style;
import io.selvedge.content.Styles;
import io.selvedge.web.RefusalPage;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import lombok.RequiredArgsConstructor;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The style page's workflow stage: the stage it is in, the form that moves it (for who may move styles; the
 * stage's roles decide, and a refusal is a 403 page saying so) and its moves, newest first. The page loads
 * this part by itself (htmx), so the style page's own model is untouched.
 */
@Controller
@RefusalPage(
        value = "style/stage-refused",
        statuses = {403, 404})
@RequiredArgsConstructor
class StyleStagePanel {

    private final Styles styles;
    private final Stages stages;
    private final Authorization authorization;
    private final People people;
    private final StyleView view;

    @GetMapping("/styles/{id}/stage")
    @Requires(value = Action.VIEW, target = "id")
    String panel(@PathVariable UUID id, Model model) {
        Style style = styles.get(id);
        List<Stage> all = stages.of(style.groupId());
        Map<String, Stage> byId = all.stream().collect(Collectors.toMap(Stage::id, Function.identity()));
        List<StageMove> moves = stages.history(id);
        Map<UUID, String> names =
                people.names(moves.stream().map(StageMove::actorId).toList());
        model.addAttribute("style", style);
        model.addAttribute("stages", all);
        model.addAttribute("current", byId.get(style.stage()));
        model.addAttribute("canMove", authorization.allows(Action.MOVE_TO_STAGE, id));
        model.addAttribute(
                "moves",
                moves.stream()
                        .map(move -> new MoveRow(
                                nameOf(byId, move.fromStage()),
                                nameOf(byId, move.toStage()),
                                names.get(move.actorId()),
                                Shown.time(move.at())))
                        .toList());
        return "style/stage :: stage";
    }

    @PostMapping("/styles/{id}/stage")
    @Requires(value = Action.MOVE_TO_STAGE, target = "id")
    String move(@PathVariable UUID id, @RequestParam(defaultValue = "") String stage, RedirectAttributes redirect) {
        try {
            stages.move(id, stage, view.caller());
        } catch (InvalidContentException e) {
            redirect.addFlashAttribute("problem", "style.stage.unknown");
            return "redirect:/styles/" + id;
        }
        redirect.addFlashAttribute("notice", "style.stage.moved");
        return "redirect:/styles/" + id;
    }

    /** A stage's name; a stage removed since is shown as such (null: the page says "removed stage"). */
    @Nullable
    private static String nameOf(Map<String, Stage> byId, @Nullable String stageId) {
        Stage stage = stageId == null ? null : byId.get(stageId);
        return stage == null ? null : stage.name();
    }

    /** One move as the page lists it; a null stage name is one that no longer exists (or none before). */
    record MoveRow(@Nullable String from, @Nullable String to, String by, String at) {}
}
