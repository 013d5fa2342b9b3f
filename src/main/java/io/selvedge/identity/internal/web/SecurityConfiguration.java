package io.selvedge.identity.internal.web;

import io.selvedge.identity.ApiScope;
import io.selvedge.identity.OneTimeCodeRejectedException;
import io.selvedge.identity.SignInRoutes;
import io.selvedge.identity.SignInThrottledException;
import io.selvedge.identity.internal.MfaPolicy;
import io.selvedge.identity.internal.MfaPolicy.Verdict;
import io.selvedge.identity.internal.PasskeyRequiredException;
import io.selvedge.identity.internal.SecondFactorSignIn;
import io.selvedge.identity.internal.SignInDetails;
import io.selvedge.identity.internal.TokenAuthenticator;
import io.selvedge.platform.Problems;
import io.selvedge.platform.PublicPaths;
import io.selvedge.platform.PublicPaths.PublicPath;
import io.selvedge.platform.SecurityHeaders;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.io.IOException;
import java.util.List;
import java.util.Set;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.security.autoconfigure.actuate.web.servlet.EndpointRequest;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.authentication.AuthenticationManager;
import org.springframework.security.authorization.AuthorizationDecision;
import org.springframework.security.authorization.AuthorizationManager;
import org.springframework.security.config.ObjectPostProcessor;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AuthorizeHttpRequestsConfigurer;
import org.springframework.security.config.annotation.web.configurers.HeadersConfigurer;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.AccessDeniedHandler;
import org.springframework.security.web.access.ExceptionTranslationFilter;
import org.springframework.security.web.access.intercept.RequestAuthorizationContext;
import org.springframework.security.web.authentication.AnonymousAuthenticationFilter;
import org.springframework.security.web.authentication.AuthenticationFailureHandler;
import org.springframework.security.web.authentication.AuthenticationSuccessHandler;
import org.springframework.security.web.authentication.HttpMessageConverterAuthenticationSuccessHandler;
import org.springframework.security.web.authentication.LoginUrlAuthenticationEntryPoint;
import org.springframework.security.web.authentication.SavedRequestAwareAuthenticationSuccessHandler;
import org.springframework.security.web.authentication.SimpleUrlAuthenticationFailureHandler;
import org.springframework.security.web.authentication.UsernamePasswordAuthenticationFilter;
import org.springframework.security.web.authentication.session.ChangeSessionIdAuthenticationStrategy;
import org.springframework.security.web.authentication.session.CompositeSessionAuthenticationStrategy;
import org.springframework.security.web.authentication.session.NullAuthenticatedSessionStrategy;
import org.springframework.security.web.authentication.session.SessionAuthenticationStrategy;
import org.springframework.security.web.context.DelegatingSecurityContextRepository;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.security.web.context.RequestAttributeSecurityContextRepository;
import org.springframework.security.web.context.SecurityContextRepository;
import org.springframework.security.web.csrf.CsrfAuthenticationStrategy;
import org.springframework.security.web.csrf.CsrfException;
import org.springframework.security.web.csrf.HttpSessionCsrfTokenRepository;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter.ReferrerPolicy;
import org.springframework.security.web.util.matcher.MediaTypeRequestMatcher;
import org.springframework.security.web.webauthn.authentication.WebAuthnAuthenticationFilter;

/**
 * One filter chain per surface: the management port, the API (credentials per request, no cookies,
 * so no CSRF) and the web pages (session cookie with CSRF). Deny by default on each; the same
 * security headers on all.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnWebApplication
class SecurityConfiguration {

    private final List<PublicPath> publicPaths;

    SecurityConfiguration(List<PublicPaths> declared) {
        this.publicPaths =
                declared.stream().flatMap(paths -> paths.publicPaths().stream()).toList();
    }

    // Declared in platform, so that the container's own error answers carry the same headers.
    static final String CONTENT_SECURITY_POLICY = SecurityHeaders.CONTENT_SECURITY_POLICY;

    static final String PERMISSIONS_POLICY = SecurityHeaders.PERMISSIONS_POLICY;

    static final String SIGN_IN_WAIT_PAGE = "/signin/wait";

    /** Where a throttled code is forwarded (public like the one above: a failed step has no signed-in context). */
    static final String CODE_WAIT_PAGE = "/signin/code/wait";

    private static final AuthenticationFailureHandler WRONG_CREDENTIALS =
            new SimpleUrlAuthenticationFailureHandler("/signin?error");

    /** Staff who must use a passkey gave the right password: told so (only now, so it reveals nothing). */
    private static final AuthenticationFailureHandler PASSKEY_REQUIRED =
            new SimpleUrlAuthenticationFailureHandler("/signin?passkeyRequired");

    private static final AuthenticationFailureHandler WRONG_CODE =
            new SimpleUrlAuthenticationFailureHandler(OneTimeCodeFilter.PATH + "?error");

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
     * The API: API tokens (see {@link ApiTokenAuthenticationFilter}), or the web application's own scripts
     * on a fully signed-in browser session with its CSRF token (see {@link BrowserSessionOnApi}). A token's
     * scopes map to methods:
     * {@code read} allows GET and HEAD, {@code write} every other method as well, {@code admin} the admin
     * endpoints too. Which resources the caller may reach is decided after this, by its roles, at the
     * access module's decision point (scopes limit methods, roles limit resources).
     */
    @Bean
    @Order(2)
    SecurityFilterChain apiChain(HttpSecurity http, TokenAuthenticator tokens, MfaPolicy mfa) throws Exception {
        String read = ApiScope.READ.authority();
        http.securityMatcher("/api/**")
                .authorizeHttpRequests(requests -> publicOn(requests, true)
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
                .addFilterBefore(new BrowserSessionOnApi(mfa), ApiTokenAuthenticationFilter.class)
                // An API request signs nobody in: a browser session it rides on keeps its id and CSRF token.
                .sessionManagement(sessions -> sessions.sessionCreationPolicy(SessionCreationPolicy.STATELESS)
                        .sessionAuthenticationStrategy(new NullAuthenticatedSessionStrategy()))
                // A token in the Authorization header cannot be forged by another site, so those requests
                // need no CSRF token; a change riding on the browser's session cookie does.
                .csrf(csrf -> csrf.csrfTokenRepository(new HttpSessionCsrfTokenRepository())
                        .requireCsrfProtectionMatcher(BrowserSessionOnApi.NEEDS_CSRF)
                        .sessionAuthenticationStrategy(new NullAuthenticatedSessionStrategy()))
                .requestCache(cache -> cache.disable())
                .exceptionHandling(errors -> errors.authenticationEntryPoint(problemEntryPoint())
                        .accessDeniedHandler(problemAccessDenied()));
        return withSecurityHeaders(http).build();
    }

    /** Identity's own pages reachable before signing in; the other modules declare theirs as {@link PublicPaths}. */
    static final String[] SIGN_IN_PAGES = {"/signin", SignInFirstStep.CONTINUE_PAGE, SIGN_IN_WAIT_PAGE, CODE_WAIT_PAGE};

    /** Pages an account that must enrol MFA may reach before it has (and Spring's passkey registration). */
    static final String[] ENROLMENT_PAGES = {
        "/account/mfa", "/account/mfa/**", "/signout", "/webauthn/register", "/webauthn/register/**"
    };

    static final String SECOND_STEP = OneTimeCodeFilter.PATH;
    static final String ENROLMENT_PAGE = "/account/mfa";

    /**
     * The web pages: a session cookie with CSRF. Signing in takes one or two steps, in Spring Security's
     * multi-factor model: the password (or a passkey, which is enough alone); then, for an account with a
     * second factor, a one-time code or a passkey at {@code /signin/code}. A session holding only the
     * password of such an account reaches nothing but that step; an account that must use MFA and has not
     * enrolled reaches only the enrolment pages. The session id changes at each step.
     */
    @Bean
    @Order(3)
    SecurityFilterChain webChain(
            HttpSecurity http,
            AuthenticationManager passwordSignIn,
            MfaPolicy mfa,
            SecondFactorSignIn secondFactor,
            ObjectProvider<SignInRoutes> signInRoutes)
            throws Exception {
        SecurityContextRepository contexts = new DelegatingSecurityContextRepository(
                new RequestAttributeSecurityContextRepository(), new HttpSessionSecurityContextRepository());
        SessionAuthenticationStrategy newSessionId = new CompositeSessionAuthenticationStrategy(List.of(
                new ChangeSessionIdAuthenticationStrategy(),
                new CsrfAuthenticationStrategy(new HttpSessionCsrfTokenRepository())));
        AuthenticationSuccessHandler signedIn = nextStep(mfa);
        http.authenticationManager(passwordSignIn)
                .securityContext(context -> context.securityContextRepository(contexts))
                .authorizeHttpRequests(requests -> publicOn(requests, false)
                        .requestMatchers(SIGN_IN_PAGES)
                        .permitAll()
                        .requestMatchers(SECOND_STEP)
                        .access(verdictIn(mfa, Verdict.SECOND_FACTOR_NEEDED, Verdict.SIGNED_IN, Verdict.MUST_ENROL))
                        .requestMatchers(ENROLMENT_PAGES)
                        .access(verdictIn(mfa, Verdict.SIGNED_IN, Verdict.MUST_ENROL))
                        .anyRequest()
                        .access(verdictIn(mfa, Verdict.SIGNED_IN)))
                .formLogin(form -> form.loginPage("/signin")
                        .authenticationDetailsSource(SignInDetails::of)
                        .successHandler(signedIn)
                        .failureHandler((request, response, failure) -> signInFailed(request, response, failure, false))
                        .permitAll())
                .addFilterBefore(new SignInFirstStep(signInRoutes), UsernamePasswordAuthenticationFilter.class)
                .addFilterAfter(
                        new OneTimeCodeFilter(
                                secondFactor,
                                contexts,
                                newSessionId,
                                signedIn,
                                (request, response, failure) -> signInFailed(request, response, failure, true)),
                        UsernamePasswordAuthenticationFilter.class)
                .webAuthn(webAuthn -> webAuthn.disableDefaultRegistrationPage(true)
                        .creationOptionsRepository(new SessionCreationOptions())
                        .withObjectPostProcessor(passkeySignIn(secondFactor, contexts, newSessionId)))
                .addFilterBefore(new PasskeyRegistrationGate(mfa, secondFactor), ExceptionTranslationFilter.class)
                // A new session id at sign-in (Spring Session supports changing it), against session fixation.
                .sessionManagement(sessions -> sessions.sessionFixation(fixation -> fixation.changeSessionId()))
                .logout(logout -> logout.logoutUrl("/signout")
                        .addLogoutHandler((request, response, authentication) -> {
                            HttpSession session = request.getSession(false);
                            secondFactor.signedOut(authentication, session == null ? null : session.getId());
                        })
                        .logoutSuccessUrl("/signin?signedOut"))
                .exceptionHandling(errors -> errors.defaultAuthenticationEntryPointFor(
                                new LoginUrlAuthenticationEntryPoint("/signin"), asksForHtml())
                        .defaultAuthenticationEntryPointFor(problemEntryPoint(), request -> true)
                        .accessDeniedHandler(stepsFirst(mfa)))
                // A SAML IdP posts its response cross-site: the response's signature and InResponseTo protect it.
                .csrf(csrf -> csrf.ignoringRequestMatchers("/sso/*/acs"));
        return withSecurityHeaders(http).build();
    }

    /** Permits the paths the modules declared public, on the API or on the web pages. */
    private AuthorizeHttpRequestsConfigurer<HttpSecurity>.AuthorizationManagerRequestMatcherRegistry publicOn(
            AuthorizeHttpRequestsConfigurer<HttpSecurity>.AuthorizationManagerRequestMatcherRegistry requests,
            boolean api) {
        for (PublicPath path : publicPaths) {
            if (path.api() == api) {
                (path.method() == null
                                ? requests.requestMatchers(path.pattern())
                                : requests.requestMatchers(path.method(), path.pattern()))
                        .permitAll();
            }
        }
        return requests;
    }

    /**
     * A browser's page request: it names HTML (a navigation also accepts anything, as a last choice, which
     * does not count). A client asking for JSON or for anything gets a 401 problem document instead.
     */
    private static MediaTypeRequestMatcher asksForHtml() {
        MediaTypeRequestMatcher html = new MediaTypeRequestMatcher(MediaType.TEXT_HTML);
        html.setIgnoredMediaTypes(Set.of(MediaType.ALL));
        return html;
    }

    /** Grants a request whose authentication has one of these verdicts. */
    private static AuthorizationManager<RequestAuthorizationContext> verdictIn(MfaPolicy mfa, Verdict... allowed) {
        List<Verdict> verdicts = List.of(allowed);
        return (authentication, context) ->
                new AuthorizationDecision(verdicts.contains(mfa.verdict(authentication.get())));
    }

    /** After a sign-in step: the second step, the enrolment page, or where the person was going. */
    private static AuthenticationSuccessHandler nextStep(MfaPolicy mfa) {
        SavedRequestAwareAuthenticationSuccessHandler saved = new SavedRequestAwareAuthenticationSuccessHandler();
        saved.setDefaultTargetUrl("/");
        return (request, response, authentication) -> {
            Verdict verdict = mfa.verdict(authentication);
            if (verdict == Verdict.SECOND_FACTOR_NEEDED) {
                response.sendRedirect(request.getContextPath() + SECOND_STEP);
            } else if (verdict == Verdict.MUST_ENROL) {
                response.sendRedirect(request.getContextPath() + ENROLMENT_PAGE);
            } else {
                saved.onAuthenticationSuccess(request, response, authentication);
            }
        };
    }

    /** A page refused to a signed-in person: the step they still owe, or 403. */
    private static AccessDeniedHandler stepsFirst(MfaPolicy mfa) {
        AccessDeniedHandler refused = problemAccessDenied();
        return (request, response, denied) -> {
            Authentication authentication = SecurityContextHolder.getContextHolderStrategy()
                    .getContext()
                    .getAuthentication();
            boolean signedIn = authentication != null
                    && authentication.isAuthenticated()
                    && !(authentication instanceof AnonymousAuthenticationToken);
            boolean page = !"application/json".equals(request.getHeader(HttpHeaders.ACCEPT));
            if (!signedIn || !page || denied instanceof CsrfException) {
                refused.handle(request, response, denied);
                return;
            }
            Verdict verdict = mfa.verdict(authentication);
            if (verdict == Verdict.SECOND_FACTOR_NEEDED) {
                response.sendRedirect(request.getContextPath() + SECOND_STEP);
            } else if (verdict == Verdict.MUST_ENROL) {
                response.sendRedirect(request.getContextPath() + ENROLMENT_PAGE);
            } else if (verdict == Verdict.NONE) {
                HttpSession session = request.getSession(false);
                if (session != null) {
                    session.invalidate();
                }
                response.sendRedirect(request.getContextPath() + "/signin");
            } else {
                refused.handle(request, response, denied);
            }
        };
    }

    /**
     * Spring's passkey sign-in filter, set up like the password's: a new session id, the factor added to a
     * password step of the same account (multi-factor), and the outcome published.
     */
    private static ObjectPostProcessor<WebAuthnAuthenticationFilter> passkeySignIn(
            SecondFactorSignIn secondFactor,
            SecurityContextRepository contexts,
            SessionAuthenticationStrategy sessions) {
        return new ObjectPostProcessor<>() {
            @Override
            public <O extends WebAuthnAuthenticationFilter> O postProcess(O filter) {
                filter.setMfaEnabled(true);
                filter.setSessionAuthenticationStrategy(sessions);
                filter.setSecurityContextRepository(contexts);
                HttpMessageConverterAuthenticationSuccessHandler succeeded =
                        new HttpMessageConverterAuthenticationSuccessHandler();
                filter.setAuthenticationSuccessHandler((request, response, authentication) -> {
                    secondFactor.passkeySucceeded(request, authentication);
                    succeeded.onAuthenticationSuccess(request, response, authentication);
                });
                filter.setAuthenticationFailureHandler((request, response, failure) -> {
                    secondFactor.passkeyFailed();
                    Problems.write(request, response, HttpStatus.UNAUTHORIZED, "The passkey was not accepted.");
                });
                return filter;
            }
        };
    }

    /**
     * A wrong password answers like an unknown user; a wrong code sends back to the code step; a throttled
     * attempt shows its page again, 429, with the wait.
     */
    private static void signInFailed(
            HttpServletRequest request, HttpServletResponse response, AuthenticationException failure, boolean codeStep)
            throws IOException, ServletException {
        if (failure instanceof SignInThrottledException throttled) {
            response.setStatus(HttpStatus.TOO_MANY_REQUESTS.value());
            response.setHeader(HttpHeaders.RETRY_AFTER, Long.toString(throttled.retryAfterSeconds()));
            request.setAttribute(SignInThrottledException.WAIT_ATTRIBUTE, throttled);
            request.getRequestDispatcher(codeStep ? CODE_WAIT_PAGE : SIGN_IN_WAIT_PAGE)
                    .forward(request, response);
            return;
        }
        if (failure instanceof PasskeyRequiredException) {
            PASSKEY_REQUIRED.onAuthenticationFailure(request, response, failure);
            return;
        }
        if (codeStep && failure instanceof OneTimeCodeRejectedException) {
            WRONG_CODE.onAuthenticationFailure(request, response, failure);
            return;
        }
        if (codeStep) {
            response.sendRedirect(request.getContextPath() + "/signin");
            return;
        }
        WRONG_CREDENTIALS.onAuthenticationFailure(request, response, failure);
    }

    private static HttpSecurity withSecurityHeaders(HttpSecurity http) throws Exception {
        return http.headers(headers -> headers.httpStrictTransportSecurity(
                        hsts -> hsts.maxAgeInSeconds(SecurityHeaders.HSTS_MAX_AGE_SECONDS)
                                .includeSubDomains(true))
                .contentSecurityPolicy(csp -> csp.policyDirectives(CONTENT_SECURITY_POLICY))
                .frameOptions(HeadersConfigurer.FrameOptionsConfig::deny)
                .referrerPolicy(referrer -> referrer.policy(ReferrerPolicy.get(SecurityHeaders.REFERRER_POLICY)))
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
