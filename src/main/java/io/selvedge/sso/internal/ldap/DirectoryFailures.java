package io.selvedge.sso.internal.ldap;

import io.selvedge.sso.internal.ldap.DirectorySignInRefusedException.Reason;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.SocketException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.security.cert.CertPathValidatorException;
import java.security.cert.CertificateException;
import java.util.Locale;
import javax.net.ssl.SSLException;
import javax.net.ssl.SSLPeerUnverifiedException;

/** Tells directory failures apart for the audit trail and the operator: certificate, TLS, reachability. */
final class DirectoryFailures {

    private DirectoryFailures() {}

    static Reason reasonFor(Throwable failure) {
        if (anyInChain(failure, CertificateException.class)
                || anyInChain(failure, CertPathValidatorException.class)
                || anyInChain(failure, SSLPeerUnverifiedException.class)) {
            return Reason.UNTRUSTED_CERTIFICATE;
        }
        if (anyInChain(failure, SSLException.class)) {
            return Reason.TLS_UNAVAILABLE;
        }
        if (anyInChain(failure, SocketTimeoutException.class)
                || anyInChain(failure, ConnectException.class)
                || anyInChain(failure, NoRouteToHostException.class)
                || anyInChain(failure, UnknownHostException.class)
                || anyInChain(failure, SocketException.class)
                || anyInChain(failure, javax.naming.CommunicationException.class)
                || anyInChain(failure, javax.naming.ServiceUnavailableException.class)
                || mentionsTimeout(failure)) {
            return Reason.DIRECTORY_UNREACHABLE;
        }
        if (anyInChain(failure, org.springframework.ldap.AuthenticationException.class)
                || anyInChain(failure, javax.naming.AuthenticationException.class)) {
            return Reason.SERVICE_BIND_FAILED;
        }
        if (anyInChain(failure, javax.naming.OperationNotSupportedException.class)) {
            return Reason.TLS_UNAVAILABLE;
        }
        return Reason.DIRECTORY_ERROR;
    }

    /** The innermost cause's type and message, for the operator's log: JNDI's messages hold no password. */
    static String rootCauseSummary(Throwable failure) {
        Throwable root = failure;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root.getClass().getSimpleName() + ": " + root.getMessage();
    }

    /** JNDI reports a read timeout as a bare NamingException. */
    private static boolean mentionsTimeout(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            String message = cause.getMessage();
            if (message != null && message.toLowerCase(Locale.ROOT).contains("timed out")) {
                return true;
            }
            if (cause.getCause() == cause) {
                break;
            }
        }
        return false;
    }

    private static boolean anyInChain(Throwable failure, Class<? extends Throwable> type) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (type.isInstance(cause)) {
                return true;
            }
            if (cause.getCause() == cause) {
                break;
            }
        }
        return false;
    }
}
