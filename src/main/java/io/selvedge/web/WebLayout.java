package io.selvedge.web;

import java.security.Principal;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

/** What every page's layout needs in its model. */
@ControllerAdvice(basePackageClasses = WebLayout.class)
class WebLayout {

    @ModelAttribute("signedIn")
    boolean signedIn(Principal principal) {
        return principal != null;
    }
}
