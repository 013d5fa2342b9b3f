package io.selvedge.scim.internal;

import io.selvedge.platform.SecurityHeaders;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.HeadersConfigurer;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.context.SecurityContextHolderStrategy;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.AnonymousAuthenticationFilter;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter.ReferrerPolicy;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * The SCIM surface's own filter chain: a group's bearer token and nothing else (no session, no cookie, so
 * no CSRF token either); without a valid one every request answers 401 as a SCIM error.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnWebApplication
class ScimSecurity {

    static final String AUTHORITY = "SCIM_CLIENT";

    @Bean
    @Order(0)
    SecurityFilterChain scimChain(HttpSecurity http, ScimTokenService tokens) throws Exception {
        http.securityMatcher("/scim/**")
                .authorizeHttpRequests(requests -> requests.anyRequest().hasAuthority(AUTHORITY))
                .addFilterBefore(new BearerTokens(tokens), AnonymousAuthenticationFilter.class)
                .sessionManagement(sessions -> sessions.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                // Only the Authorization header authenticates here; another site cannot set it.
                .csrf(csrf -> csrf.disable())
                .requestCache(cache -> cache.disable())
                .exceptionHandling(errors -> errors.authenticationEntryPoint(
                                (request, response, failure) -> unauthorized(response))
                        .accessDeniedHandler((request, response, denied) -> unauthorized(response)))
                .headers(headers -> headers.httpStrictTransportSecurity(
                                hsts -> hsts.maxAgeInSeconds(SecurityHeaders.HSTS_MAX_AGE_SECONDS)
                                        .includeSubDomains(true))
                        .contentSecurityPolicy(csp -> csp.policyDirectives(SecurityHeaders.CONTENT_SECURITY_POLICY))
                        .frameOptions(HeadersConfigurer.FrameOptionsConfig::deny)
                        .referrerPolicy(
                                referrer -> referrer.policy(ReferrerPolicy.get(SecurityHeaders.REFERRER_POLICY)))
                        .permissionsPolicyHeader(
                                permissions -> permissions.policy(SecurityHeaders.PERMISSIONS_POLICY)));
        return http.build();
    }

    static void unauthorized(HttpServletResponse response) throws IOException {
        response.setStatus(401);
        response.setHeader(HttpHeaders.WWW_AUTHENTICATE, "Bearer realm=\"scim\"");
        response.setContentType("application/scim+json");
        response.getOutputStream()
                .write(ScimResources.error(401, null, "Send a valid SCIM token of the group as a bearer token.")
                        .toString()
                        .getBytes(StandardCharsets.UTF_8));
    }

    /** Authenticates {@code Authorization: Bearer <scim token>}; anything else stays anonymous (then 401). */
    static final class BearerTokens extends OncePerRequestFilter {

        private final ScimTokenService tokens;
        private final SecurityContextHolderStrategy contexts = SecurityContextHolder.getContextHolderStrategy();

        BearerTokens(ScimTokenService tokens) {
            this.tokens = tokens;
        }

        @Override
        protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
                throws ServletException, IOException {
            String header = request.getHeader(HttpHeaders.AUTHORIZATION);
            Optional<ScimClient> client = Optional.empty();
            if (header != null && header.regionMatches(true, 0, "Bearer ", 0, 7)) {
                client = tokens.authenticate(header.substring(7).strip());
            }
            if (client.isEmpty()) {
                contexts.clearContext();
                unauthorized(response);
                return;
            }
            SecurityContext context = contexts.createEmptyContext();
            context.setAuthentication(UsernamePasswordAuthenticationToken.authenticated(
                    client.get(), null, List.of(new SimpleGrantedAuthority(AUTHORITY))));
            contexts.setContext(context);
            try {
                chain.doFilter(request, response);
            } finally {
                contexts.clearContext();
            }
        }
    }
}
