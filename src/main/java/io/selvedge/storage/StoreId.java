package io.selvedge.storage;

/** Names a store: the global directory, or the data plane of one region. */
public record StoreId(StoreKind kind, String region) {

    public static final StoreId GLOBAL = new StoreId(StoreKind.GLOBAL, null);

    public static StoreId region(String region) {
        return new StoreId(StoreKind.REGIONAL, region);
    }

    /** {@code global} or {@code region-eu}: used in stamps, health details and messages. */
    public String name() {
        return kind == StoreKind.GLOBAL ? "global" : "region-" + region;
    }

    @Override
    public String toString() {
        return name();
    }
}
