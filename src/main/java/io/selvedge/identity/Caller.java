package io.selvedge.identity;

import java.util.UUID;

/**
 * The account behind a request's authentication.
 *
 * @param staff whether it is a platform staff account (staff hold no role in customer groups)
 */
public record Caller(UUID accountId, boolean staff) {}
