package io.selvedge.protection.internal;

import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import org.jspecify.annotations.Nullable;

/** Slots counted in this node's memory: a key's holders, the key forgotten when none is left. */
final class LocalSlotStore implements SlotStore {

    private final Map<String, Set<String>> held = new ConcurrentHashMap<>();

    @Override
    public @Nullable Slot take(String key, int most) {
        String holder = UUID.randomUUID().toString();
        boolean[] taken = new boolean[1];
        held.compute(key, (ignored, holders) -> {
            Set<String> now = holders == null ? ConcurrentHashMap.newKeySet() : holders;
            taken[0] = now.size() < most && now.add(holder);
            return now.isEmpty() ? null : now;
        });
        return taken[0] ? new Slot(key, holder) : null;
    }

    @Override
    public void giveBack(Slot slot) {
        held.computeIfPresent(slot.key(), (ignored, holders) -> {
            holders.remove(slot.holder());
            return holders.isEmpty() ? null : holders;
        });
    }
}
