package io.selvedge.access;

import io.selvedge.platform.Refusal;

/**
 * A member asked for a resource of a group whose IP allow-list does not hold the request's address:
 * answered 403 with a problem document that says so (and nothing of the list).
 */
public class AddressNotAllowedException extends Refusal.Forbidden {

    private static final long serialVersionUID = 1L;

    public AddressNotAllowedException() {
        super("The group's security policy does not allow requests from your network address.");
    }
}
