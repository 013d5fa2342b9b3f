package io.selvedge.access;

import io.selvedge.platform.Refusal;

/**
 * 403: the group's security policy refuses this request of an outside collaborator (MFA required and not
 * enrolled, its session limits passed, single sign-on only). Only that group's resources are refused; the
 * message says what the group asks.
 */
public class GroupPolicyNotMetException extends Refusal.Forbidden {

    private static final long serialVersionUID = 1L;

    public GroupPolicyNotMetException(String message) {
        super(message);
    }
}
