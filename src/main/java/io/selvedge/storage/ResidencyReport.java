package io.selvedge.storage;

import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

/**
 * Where a group's data is, and the proof that none of it is anywhere else: the stores that hold it in
 * its home region, and what a scan of every other region's stores found of it (nothing, when clean).
 *
 * @param holdings the group's stores in its home region, one or more per kind
 * @param elsewhere what was found of the group outside its home region; empty when clean
 */
public record ResidencyReport(
        UUID groupId, String region, List<Holding> holdings, List<Finding> elsewhere, Instant scannedAt) {

    public ResidencyReport {
        holdings = List.copyOf(holdings);
        elsewhere = List.copyOf(elsewhere);
    }

    /** The kinds of store nobody reported: the key slot, until the crypto module contributes it. */
    public List<Kind> unreported() {
        return Arrays.stream(Kind.values())
                .filter(kind -> holdings.stream().noneMatch(h -> h.kind() == kind))
                .toList();
    }

    /** True when no data of the group was found outside its region. */
    public boolean clean() {
        return elsewhere.isEmpty();
    }

    /** The kinds of store a group's data is kept in. */
    public enum Kind {
        DATABASE,
        BLOB_STORE,
        /** The group's keyset and its region's key-encryption key: contributed by the crypto module. */
        KEY;

        /** {@code database}, {@code blob-store}, {@code key}: for JSON and the command's output. */
        public String id() {
            return name().toLowerCase(Locale.ROOT).replace('_', '-');
        }
    }

    /** A store holding the group's data: its kind, region, where it is, and what it holds. */
    public record Holding(Kind kind, String region, String location, String detail) {}

    /** Data of the group found in a region where it must not be: the store, the place in it, how much. */
    public record Finding(String region, Kind kind, String location, String place, long count) {}
}
