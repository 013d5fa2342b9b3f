package io.selvedge.web.style;

import io.selvedge.access.Action;
import io.selvedge.access.Requires;
import io.selvedge.collab.Approvals;
import io.selvedge.content.Colorway;
import io.selvedge.content.Colorways;
import io.selvedge.content.ContentRefusedException;
import io.selvedge.content.InvalidContentException;
import io.selvedge.content.StyleStatus;
import java.util.Map;
import java.util.UUID;
import lombok.RequiredArgsConstructor;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The style page's colorway forms: add, rename or recolour, delete (as editing the style), and approve or
 * reject one colorway. Each goes back to the page with a notice or a problem (message keys of i18n/style).
 */
@Controller
@RequiredArgsConstructor
class StyleColorways {

    private final Colorways colorways;
    private final Approvals approvals;
    private final StyleView view;

    /**
     * A colorway as the page shows it: its swatch is painted by /js/style.js (the CSP allows no inline style);
     * {@code mtl} is the address of the shown OBJ version's material file for it, if it has one.
     */
    record ColorwayRow(
            UUID id,
            String name,
            String swatch,
            String status,
            @Nullable String mtl) {
        static ColorwayRow of(Colorway colorway) {
            return of(colorway, Map.of());
        }

        static ColorwayRow of(Colorway colorway, Map<UUID, String> materials) {
            return new ColorwayRow(
                    colorway.id(),
                    colorway.name(),
                    colorway.swatch(),
                    colorway.status().name(),
                    materials.get(colorway.id()));
        }
    }

    @PostMapping("/styles/{id}/colorways")
    @Requires(value = Action.EDIT_STYLE, target = "id")
    String create(
            @PathVariable UUID id,
            @RequestParam(defaultValue = "") String name,
            @RequestParam(defaultValue = "") String swatch,
            RedirectAttributes redirect) {
        return saved(
                id, redirect, () -> colorways.create(id, name, swatch, null, view.caller()), "style.colorways.created");
    }

    @PostMapping("/styles/{id}/colorways/{colorwayId}/edit")
    @Requires(value = Action.EDIT_STYLE, target = "id")
    String change(
            @PathVariable UUID id,
            @PathVariable UUID colorwayId,
            @RequestParam(defaultValue = "") String name,
            @RequestParam(defaultValue = "") String swatch,
            RedirectAttributes redirect) {
        Colorways.ColorwayChange change = new Colorways.ColorwayChange(
                name.isEmpty() ? null : name, swatch.isEmpty() ? null : swatch, null, false);
        return saved(
                id, redirect, () -> colorways.change(id, colorwayId, change, view.caller()), "style.colorways.changed");
    }

    /** Makes a colorway or changes one, then goes back to the style saying how it went. */
    private String saved(UUID id, RedirectAttributes redirect, Runnable save, String notice) {
        try {
            save.run();
        } catch (InvalidContentException e) {
            return back(id, redirect, "problem", "style.colorways.invalid");
        } catch (ContentRefusedException e) {
            return back(id, redirect, "problem", "style.colorways.taken");
        }
        return back(id, redirect, "notice", notice);
    }

    @PostMapping("/styles/{id}/colorways/{colorwayId}/delete")
    @Requires(value = Action.EDIT_STYLE, target = "id")
    String delete(@PathVariable UUID id, @PathVariable UUID colorwayId, RedirectAttributes redirect) {
        colorways.delete(id, colorwayId, view.caller());
        return back(id, redirect, "notice", "style.colorways.deleted");
    }

    @PostMapping("/styles/{id}/colorways/{colorwayId}/approval")
    @Requires(value = Action.APPROVE, target = "id")
    String approve(
            @PathVariable UUID id,
            @PathVariable UUID colorwayId,
            @RequestParam StyleStatus status,
            @RequestParam(defaultValue = "") String note,
            RedirectAttributes redirect) {
        try {
            approvals.recordForColorway(id, colorwayId, status, note.strip(), view.caller());
        } catch (InvalidContentException e) {
            return back(id, redirect, "problem", "style.approval.refused");
        }
        return back(id, redirect, "notice", "style.colorways.recorded." + status.name());
    }

    private static String back(UUID styleId, RedirectAttributes redirect, String kind, String messageKey) {
        redirect.addFlashAttribute(kind, messageKey);
        return "redirect:/styles/" + styleId;
    }
}
