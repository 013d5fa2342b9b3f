package io.selvedge.web.style;

import io.selvedge.access.Action;
import io.selvedge.access.Requires;
import io.selvedge.content.Style;
import io.selvedge.content.Styles;
import io.selvedge.web.Breadcrumbs;
import java.util.UUID;
import lombok.RequiredArgsConstructor;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;

/** A style's page: the 3D viewer, its versions, comments with pins, approval, sharing. */
@Controller
@RequiredArgsConstructor
class StylePage {

    private final Styles styles;
    private final StyleView view;
    private final Breadcrumbs crumbs;

    @GetMapping("/styles/{id}")
    @Requires(value = Action.VIEW, target = "id")
    String page(
            @PathVariable UUID id,
            @RequestParam(required = false) UUID version,
            @RequestParam(required = false) UUID colorway,
            Model model) {
        Style style = styles.get(id);
        view.page(style, version, colorway, model);
        model.addAttribute("crumbs", crumbs.of(style.id()));
        return "style/style";
    }
}
