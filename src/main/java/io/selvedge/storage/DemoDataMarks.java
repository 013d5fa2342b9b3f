package io.selvedge.storage;

/** Marks the stores of an installation that demo data went into: production refuses them for good. */
public interface DemoDataMarks {

    /** Stamps every store (global and each region's) as having held demo data. */
    void markEveryStore();
}
