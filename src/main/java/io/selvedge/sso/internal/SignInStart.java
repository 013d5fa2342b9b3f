package io.selvedge.sso.internal;

import io.selvedge.sso.Connection;
import io.selvedge.sso.ConnectionType;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;

/**
 * How {@code GET /sso/{id}} starts a sign-in at a connection's identity provider: one bean per protocol
 * that redirects the browser (OIDC here; SAML in its own package). The contract: answer a redirect (or
 * throw {@link io.selvedge.sso.SsoSignInRefusedException}, answered 401 with a page); keep what the return
 * must match (state, nonce, request id) in the browser's session; never log a secret.
 */
public interface SignInStart {

    ConnectionType type();

    void start(Connection connection, HttpServletRequest request, HttpServletResponse response) throws IOException;
}
