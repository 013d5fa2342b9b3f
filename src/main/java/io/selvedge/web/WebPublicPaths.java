package io.selvedge.web;

import io.selvedge.platform.PublicPaths;
import java.util.List;
import org.springframework.stereotype.Component;

/**
 * The pages reachable before signing in: the mailed and shared links (setup, password reset, e-mail
 * confirmation, invitations, share links) and the static files. (The sign-in pages are identity's.)
 */
@Component
class WebPublicPaths implements PublicPaths {

    @Override
    public List<PublicPath> publicPaths() {
        return List.of(
                PublicPath.any("/setup/**"),
                PublicPath.any("/s/**"),
                PublicPath.any("/forgot-password"),
                PublicPath.any("/reset-password/*"),
                PublicPath.any("/confirm-email/*"),
                PublicPath.any("/invitations/*"),
                PublicPath.any("/css/**"),
                PublicPath.any("/js/**"),
                PublicPath.any("/images/**"),
                PublicPath.any("/webjars/**"),
                PublicPath.any("/favicon.ico"));
    }
}
