package io.selvedge.web.style;

import io.selvedge.access.Action;
import io.selvedge.access.Authorization;
import io.selvedge.access.Requires;
import io.selvedge.collab.Comments;
import io.selvedge.collab.InvalidScreenshotException;
import io.selvedge.collab.Pin;
import io.selvedge.content.ContentTooLargeException;
import io.selvedge.content.InvalidContentException;
import jakarta.servlet.http.HttpServletResponse;
import java.util.UUID;
import lombok.RequiredArgsConstructor;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The comments beside the viewer, posted with htmx: each handler answers the comments part again, the new
 * or changed comment highlighted. A refused body answers 422 with the part and the reason.
 */
@Controller
@RequiredArgsConstructor
class StyleComments {

    private static final String PART = "style/comments :: comments";

    private final Comments comments;
    private final StyleView view;
    private final Authorization authorization;

    @PostMapping("/styles/{id}/comments")
    @Requires(value = Action.COMMENT, target = "id")
    String post(
            @PathVariable UUID id,
            @RequestParam(defaultValue = "") String body,
            @RequestParam(required = false) UUID versionId,
            @RequestParam(required = false) Double pinX,
            @RequestParam(required = false) Double pinY,
            @RequestParam(required = false) Double pinZ,
            @RequestParam(required = false) UUID colorwayId,
            @RequestParam(required = false) UUID filter,
            @RequestParam(required = false) String screenshot,
            HttpServletResponse response,
            Model model) {
        try {
            Pin pin = pinX == null || pinY == null || pinZ == null ? null : new Pin(pinX, pinY, pinZ);
            // The viewer's canvas, as a data: URL, when the comment was written beside it (style.js).
            UUID posted = comments.post(id, body, versionId, pin, colorwayId, screenshot, view.caller())
                    .id();
            view.comments(id, posted, filter, model);
        } catch (InvalidScreenshotException | ContentTooLargeException refusal) {
            refused(id, response, model);
            model.addAttribute("refused", "style.comments.refusedScreenshot");
            model.addAttribute("draft", body);
        } catch (InvalidContentException refusal) {
            refused(id, response, model);
            model.addAttribute("draft", body);
        }
        return PART;
    }

    @PostMapping("/comments/{id}/edit")
    @Requires(value = Action.COMMENT, target = "id")
    String edit(
            @PathVariable UUID id,
            @RequestParam(defaultValue = "") String body,
            HttpServletResponse response,
            Model model) {
        UUID styleId = comments.styleOf(id);
        try {
            comments.change(id, body, null, view.caller());
            view.comments(styleId, id, model);
        } catch (InvalidContentException refusal) {
            refused(styleId, response, model);
        }
        return PART;
    }

    @PostMapping("/comments/{id}/resolve")
    @Requires(value = Action.COMMENT, target = "id")
    String resolve(@PathVariable UUID id, @RequestParam boolean resolved, Model model) {
        UUID styleId = comments.styleOf(id);
        comments.change(id, null, resolved, view.caller());
        view.comments(styleId, id, model);
        return PART;
    }

    @PostMapping("/comments/{id}/delete")
    @Requires(value = Action.COMMENT, target = "id")
    String delete(@PathVariable UUID id, Model model) {
        UUID styleId = comments.styleOf(id);
        comments.delete(id, view.caller(), authorization.allows(Action.DELETE_ANY_COMMENT, id));
        view.comments(styleId, null, model);
        return PART;
    }

    private void refused(UUID styleId, HttpServletResponse response, Model model) {
        response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
        view.comments(styleId, null, model);
        // The service's reason is English; the page says it in the reader's language.
        model.addAttribute("refused", "style.comments.refused");
    }
}
