package io.selvedge.identity;

import io.selvedge.platform.Refusal;

/**
 * The account signs in elsewhere than with a Selvedge password, so it may not set one: its address's domain
 * routes to the organisation's directory (LDAP / Active Directory), or its managing group admits single
 * sign-on only (and it is none of the group's break-glass accounts). The message says where to go instead.
 */
public class PasswordManagedElsewhereException extends Refusal.Forbidden {

    private static final long serialVersionUID = 1L;

    public PasswordManagedElsewhereException(String message) {
        super(message);
    }
}
