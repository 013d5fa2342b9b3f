package io.selvedge.sso.internal.ldap;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;
import org.jspecify.annotations.Nullable;

/**
 * What the authenticator needs of an LDAP / Active Directory connection: where the directory is, how to
 * reach it over TLS, the service account that searches it, and where people and their groups are found.
 * {@code {0}} in {@code userSearchFilter} is the e-mail address typed, {@code {1}} its part before the
 * {@code @} (for {@code (sAMAccountName={1})}); {@code {0}} in {@code groupSearchFilter} is the person's DN.
 * The values are encoded before they go into a filter. The directory's certificate must be trusted by the
 * JVM's trust store or by {@code caCertificatePem}, and name the URL's host.
 *
 * @throws IllegalArgumentException (from the constructor) when the connection could only be used unsafely:
 *     plain {@code ldap://} without StartTLS, a URL that is not one LDAP server, an empty service password
 */
public record DirectoryConnection(
        String url,
        boolean startTls,
        String bindDn,
        String bindPassword,
        String userSearchBase,
        @Nullable String userSearchFilter,
        @Nullable String groupSearchBase,
        @Nullable String groupSearchFilter,
        @Nullable String caCertificatePem) {

    /** Active Directory's: the user principal name, which is the e-mail address in most forests. */
    public static final String DEFAULT_USER_SEARCH_FILTER = "(userPrincipalName={0})";

    public static final String DEFAULT_GROUP_SEARCH_FILTER = "(member={0})";

    public DirectoryConnection {
        requireSafeUrl(url, startTls);
        if (bindDn == null || bindDn.isBlank()) {
            throw new IllegalArgumentException("bindDn is required: the service account that searches the directory.");
        }
        // An empty password makes an LDAP simple bind anonymous, which most directories accept.
        if (bindPassword == null || bindPassword.isEmpty()) {
            throw new IllegalArgumentException("bindPassword is required.");
        }
        if (userSearchBase == null || userSearchBase.isBlank()) {
            throw new IllegalArgumentException("userSearchBase is required, e.g. DC=corp,DC=example,DC=com.");
        }
        userSearchFilter = blankToNull(userSearchFilter);
        groupSearchBase = blankToNull(groupSearchBase);
        groupSearchFilter = blankToNull(groupSearchFilter);
        caCertificatePem = blankToNull(caCertificatePem);
        requireFilter("userSearchFilter", userSearchFilter, "{0} (the e-mail address) or {1} (its part before the @)");
        requireFilter("groupSearchFilter", groupSearchFilter, "{0} (the person's DN)");
    }

    public String effectiveUserSearchFilter() {
        return userSearchFilter == null ? DEFAULT_USER_SEARCH_FILTER : userSearchFilter;
    }

    public String effectiveGroupSearchFilter() {
        return groupSearchFilter == null ? DEFAULT_GROUP_SEARCH_FILTER : groupSearchFilter;
    }

    /** TLS from the first byte ({@code ldaps://}), not negotiated by StartTLS. */
    public boolean implicitTls() {
        return url.toLowerCase(Locale.ROOT).startsWith("ldaps://");
    }

    /**
     * Refuses what would send the service password or a person's password in clear, or reach more than one
     * server: the scheme must be {@code ldaps}, or {@code ldap} with StartTLS; one host, no path or query.
     */
    public static void requireSafeUrl(String url, boolean startTls) {
        if (url == null || url.isBlank()) {
            throw new IllegalArgumentException("url is required: ldaps://host:636, or ldap://host:389 with startTls.");
        }
        URI uri;
        try {
            uri = new URI(url.strip());
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException("url is not a URL: give ldaps://host:636 or ldap://host:389.");
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("ldaps") && !scheme.equals("ldap")) {
            throw new IllegalArgumentException("url must start with ldaps:// (or ldap:// with startTls: true).");
        }
        if (scheme.equals("ldap") && !startTls) {
            throw new IllegalArgumentException(
                    "Plain ldap:// would send passwords in clear: use ldaps:// or set startTls: true.");
        }
        if (scheme.equals("ldaps") && startTls) {
            throw new IllegalArgumentException("startTls applies to ldap:// only; ldaps:// is TLS already.");
        }
        if (uri.getHost() == null
                || uri.getUserInfo() != null
                || (uri.getRawPath() != null
                        && !uri.getRawPath().isEmpty()
                        && !uri.getRawPath().equals("/"))
                || uri.getRawQuery() != null
                || uri.getRawFragment() != null) {
            throw new IllegalArgumentException(
                    "url names one directory server, host and port only: the search bases say where to look.");
        }
    }

    private static void requireFilter(String field, String filter, String placeholders) {
        if (filter == null) {
            return;
        }
        boolean placeholder = filter.contains("{0}") || (field.startsWith("user") && filter.contains("{1}"));
        if (!filter.startsWith("(") || !filter.endsWith(")") || !placeholder || filter.length() > 1024) {
            throw new IllegalArgumentException(field + " must be an LDAP filter in parentheses using " + placeholders
                    + ", e.g. (userPrincipalName={0}).");
        }
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }

    @Override
    public String toString() {
        return "DirectoryConnection[url=" + url + ", startTls=" + startTls + ", bindDn=" + bindDn + "]";
    }
}
