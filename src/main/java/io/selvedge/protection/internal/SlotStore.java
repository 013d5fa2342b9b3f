package io.selvedge.protection.internal;

import org.jspecify.annotations.Nullable;

/**
 * Where the slots of concurrent transfers are counted (the provider behind {@link TransferSlots}): this node's
 * memory ({@link LocalSlotStore}) or Redis ({@link RedisSlotStore}, every node counting the same slots when
 * {@code SELVEDGE_REDIS_URL} is set). Taking a slot is one atomic step, so N parallel transfers take N slots.
 * A slot taken must be given back exactly once, whatever the transfer's end.
 */
interface SlotStore {

    /** Takes one of the {@code most} slots of {@code key}: the slot to give back, or null when all are held. */
    @Nullable
    Slot take(String key, int most);

    /** Gives the slot back; a slot given back twice is given back once. */
    void giveBack(Slot slot);

    /** One slot held: its key and this holder's own id within it. */
    record Slot(String key, String holder) {}
}
