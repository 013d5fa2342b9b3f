package io.selvedge.protection;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * The clients refused for a while: blocked automatically when they keep hitting limits, probe for ids or fail
 * sign-ins across many accounts (each block longer than the last), or by platform staff. Kept with the rate
 * limits (this node's memory, or Redis for every node). Adding and lifting are on the platform trail.
 */
public interface Blocks {

    /** The blocks in force, the longest-lasting first. */
    List<Block> list();

    /** The block of {@code id} if it is in force. */
    Optional<Block> find(String id);

    /**
     * Blocks a client address for {@code length}, by a staff member's decision.
     *
     * @throws io.selvedge.platform.Refusal.Unprocessable if {@code address} is not an IP address, the length is
     *     not positive or past a year, or the reason is not one short line
     */
    Block blockAddress(String address, Duration length, String reason, UUID byAccount);

    /** Lifts a block; false if none was in force under {@code id}. */
    boolean lift(String id, UUID byAccount);
}
