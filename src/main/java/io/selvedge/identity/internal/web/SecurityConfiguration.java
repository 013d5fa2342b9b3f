package io.selvedge.identity.internal.web;

import io.selvedge.identity.ApiScope;
import io.selvedge.identity.OneTimeCodeRejectedException;
import io.selvedge.identity.SignInThrottledException;
import io.selvedge.identity.internal.SignInDetails;
import io.selvedge.identity.internal.TokenAuthenticator;
import io.selvedge.platform.Problems;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.security.autoconfigure.actuate.web.servlet.EndpointRequest;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.security.authentication.AuthenticationManager;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.HeadersConfigurer;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.AccessDeniedHandler;
import org.springframework.security.web.authentication.AnonymousAuthenticationFilter;
import org.springframework.security.web.authentication.AuthenticationFailureHandler;
import org.springframework.security.web.authentication.LoginUrlAuthenticationEntryPoint;
import org.springframework.security.web.authentication.SimpleUrlAuthenticationFailureHandler;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter.ReferrerPolicy;
import org.springframework.security.web.util.matcher.MediaTypeRequestMatcher;

/**
 * One filter chain per surface: the management port, the API (credentials per request, no cookies,
 * so no CSRF) and the web pages (session cookie with CSRF). Deny by default on each; the same
 * security headers on all.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnWebApplication
class SecurityConfiguration {

    static final String CONTENT_SECURITY_POLICY = "default-src 'self'; script-src 'self'; style-src 'self'; "
            + "img-src 'self' data: blob:; font-src 'self'; connect-src 'self'; object-src 'none'; "
            + "base-uri 'self'; form-action 'self'; frame-ancestors 'none'";

    static final String PERMISSIONS_POLICY =
            "camera=(), microphone=(), geolocation=(), payment=(), usb=(), interest-cohort=()";

    static final String SIGN_IN_WAIT_PAGE = "/signin/wait";

    private static final AuthenticationFailureHandler WRONG_CREDENTIALS =
            new SimpleUrlAuthenticationFailureHandler("/signin?error");

    private static final AuthenticationFailureHandler WRONG_CODE =
            new SimpleUrlAuthenticationFailureHandler("/signin?code");

    private static final long ONE_YEAR_IN_SECONDS = 365L * 24 * 60 * 60;

    @Bean
    @Order(1)
    SecurityFilterChain managementChain(HttpSecurity http) throws Exception {
        http.securityMatcher(EndpointRequest.toAnyEndpoint())
                .authorizeHttpRequests(requests -> requests.requestMatchers(EndpointRequest.to("health", "prometheus"))
                        .permitAll()
                        .anyRequest()
                        .denyAll())
                .sessionManagement(sessions -> sessions.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .requestCache(cache -> cache.disable());
        return withSecurityHeaders(http).build();
    }

    /**
     * The API: API tokens only (see {@link ApiTokenAuthenticationFilter}). A token's scopes map to methods:
     * {@code read} allows GET and HEAD, {@code write} every other method as well, {@code admin} the admin
     * endpoints too. Which resources the caller may reach is decided after this, by its roles, at the
     * access module's decision point (scopes limit methods, roles limit resources).
     */
    @Bean
    @Order(2)
    SecurityFilterChain apiChain(HttpSecurity http, TokenAuthenticator tokens) throws Exception {
        String read = ApiScope.READ.authority();
        http.securityMatcher("/api/**")
                .authorizeHttpRequests(requests -> requests.requestMatchers("/api/v1/setup/admin")
                        .permitAll()
                        .requestMatchers(HttpMethod.POST, "/api/v1/auth/tokens")
                        .permitAll()
                        .requestMatchers(HttpMethod.GET, "/api/v1/groups/*/residency-report")
                        .hasAuthority(read)
                        .requestMatchers("/api/v1/admin/**")
                        .hasAuthority(ApiScope.ADMIN.authority())
                        .requestMatchers(HttpMethod.GET, "/api/**")
                        .hasAuthority(read)
                        .requestMatchers(HttpMethod.HEAD, "/api/**")
                        .hasAuthority(read)
                        .anyRequest()
                        .hasAuthority(ApiScope.WRITE.authority()))
                .addFilterBefore(new ApiTokenAuthenticationFilter(tokens), AnonymousAuthenticationFilter.class)
                .sessionManagement(sessions -> sessions.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                // API clients send credentials with each request and no cookie is honoured, so CSRF cannot apply.
                .csrf(csrf -> csrf.disable())
                .requestCache(cache -> cache.disable())
                .exceptionHandling(errors -> errors.authenticationEntryPoint(problemEntryPoint())
                        .accessDeniedHandler(problemAccessDenied()));
        return withSecurityHeaders(http).build();
    }

    @Bean
    @Order(3)
    SecurityFilterChain webChain(HttpSecurity http, AuthenticationManager passwordSignIn) throws Exception {
        http.authenticationManager(passwordSignIn)
                .authorizeHttpRequests(requests -> requests.requestMatchers(
                                "/healthz",
                                "/signin",
                                SIGN_IN_WAIT_PAGE,
                                "/setup/**",
                                "/s/**",
                                "/css/**",
                                "/js/**",
                                "/images/**",
                                "/favicon.ico",
                                "/error")
                        .permitAll()
                        .anyRequest()
                        .authenticated())
                .formLogin(form -> form.loginPage("/signin")
                        .authenticationDetailsSource(SignInDetails::of)
                        .defaultSuccessUrl("/", false)
                        .failureHandler(SecurityConfiguration::signInFailed)
                        .permitAll())
                // A new session id at sign-in (Spring Session supports changing it), against session fixation.
                .sessionManagement(sessions -> sessions.sessionFixation(fixation -> fixation.changeSessionId()))
                .logout(logout -> logout.logoutUrl("/signout").logoutSuccessUrl("/signin?signedOut"))
                .exceptionHandling(errors -> errors.defaultAuthenticationEntryPointFor(
                                problemEntryPoint(), new MediaTypeRequestMatcher(MediaType.APPLICATION_JSON))
                        .defaultAuthenticationEntryPointFor(
                                new LoginUrlAuthenticationEntryPoint("/signin"), request -> true)
                        .accessDeniedHandler(problemAccessDenied()))
                .csrf(Customizer.withDefaults());
        return withSecurityHeaders(http).build();
    }

    /** A wrong password answers like an unknown user; a throttled attempt shows the page again with the wait. */
    private static void signInFailed(
            HttpServletRequest request, HttpServletResponse response, AuthenticationException failure)
            throws IOException, ServletException {
        if (failure instanceof SignInThrottledException throttled) {
            response.setStatus(HttpStatus.TOO_MANY_REQUESTS.value());
            response.setHeader(HttpHeaders.RETRY_AFTER, Long.toString(throttled.retryAfterSeconds()));
            request.setAttribute(SignInThrottledException.WAIT_ATTRIBUTE, throttled.inWords());
            request.getRequestDispatcher(SIGN_IN_WAIT_PAGE).forward(request, response);
            return;
        }
        if (failure instanceof OneTimeCodeRejectedException) {
            WRONG_CODE.onAuthenticationFailure(request, response, failure);
            return;
        }
        WRONG_CREDENTIALS.onAuthenticationFailure(request, response, failure);
    }

    private static HttpSecurity withSecurityHeaders(HttpSecurity http) throws Exception {
        return http.headers(headers -> headers.httpStrictTransportSecurity(
                        hsts -> hsts.maxAgeInSeconds(ONE_YEAR_IN_SECONDS).includeSubDomains(true))
                .contentSecurityPolicy(csp -> csp.policyDirectives(CONTENT_SECURITY_POLICY))
                .frameOptions(HeadersConfigurer.FrameOptionsConfig::deny)
                .referrerPolicy(referrer -> referrer.policy(ReferrerPolicy.SAME_ORIGIN))
                .permissionsPolicyHeader(permissions -> permissions.policy(PERMISSIONS_POLICY)));
    }

    private static AuthenticationEntryPoint problemEntryPoint() {
        return (request, response, failure) -> Problems.write(
                request, response, HttpStatus.UNAUTHORIZED, "Sign in, or send an API token, to use this.");
    }

    private static AccessDeniedHandler problemAccessDenied() {
        return (request, response, denied) ->
                Problems.write(request, response, HttpStatus.FORBIDDEN, "You may not do this.");
    }
}
