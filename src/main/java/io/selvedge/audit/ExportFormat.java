package io.selvedge.audit;

/** How a trail is exported: CSV (RFC 4180, formula-safe) or JSON Lines. */
public enum ExportFormat {
    CSV,
    JSONL
}
