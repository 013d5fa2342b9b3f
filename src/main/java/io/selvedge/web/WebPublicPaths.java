package io.selvedge.web;

import io.selvedge.platform.PublicPaths;
import java.util.List;
import java.util.stream.Stream;
import org.springframework.stereotype.Component;

/**
 * The pages reachable before signing in: the mailed and shared links (setup, password reset, e-mail
 * confirmation, invitations, share links) and the static files. (The sign-in pages are identity's.)
 */
@Component
class WebPublicPaths implements PublicPaths {

    @Override
    public List<PublicPath> publicPaths() {
        return Stream.of(
                        "/setup/**",
                        "/s/**",
                        "/forgot-password",
                        "/reset-password/*",
                        "/confirm-email/*",
                        "/invitations/*",
                        "/css/**",
                        "/js/**",
                        "/images/**",
                        "/webjars/**",
                        "/favicon.ico")
                .map(PublicPath::any)
                .toList();
    }
}
