package io.selvedge.audit.internal;

import io.selvedge.audit.AuditEntry;
import io.selvedge.platform.CsvLines;
import java.util.LinkedHashMap;
import java.util.Map;
import tools.jackson.databind.json.JsonMapper;

/**
 * One exported entry per line. CSV follows RFC 4180 (every cell quoted, quotes doubled, CRLF) and is
 * formula-safe: a cell that a spreadsheet would run ({@code = + - @}, tab, carriage return) starts with
 * an apostrophe. JSON Lines: one JSON object per line.
 */
final class ExportLines {

    static final String CSV_HEADER = "seq,time,actor_kind,actor_id,actor_name,address,user_agent,action,target_kind,"
            + "target_id,target_name,outcome,request_id,hash\r\n";

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private ExportLines() {}

    static String csv(AuditEntry entry) {
        Object[] cells = {
            entry.seq(),
            entry.time(),
            entry.actorKind(),
            entry.actorId(),
            entry.actorName(),
            entry.address(),
            entry.userAgent(),
            entry.action(),
            entry.targetKind(),
            entry.targetId(),
            entry.targetName(),
            entry.outcome(),
            entry.requestId(),
            entry.hash()
        };
        return CsvLines.line(cells);
    }

    static String json(AuditEntry entry) {
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("seq", entry.seq());
        fields.put("time", entry.time().toString());
        fields.put("actorKind", entry.actorKind().name());
        fields.put("actorId", entry.actorId());
        fields.put("actorName", entry.actorName());
        fields.put("address", entry.address());
        fields.put("userAgent", entry.userAgent());
        fields.put("action", entry.action());
        fields.put("targetKind", entry.targetKind());
        fields.put("targetId", entry.targetId());
        fields.put("targetName", entry.targetName());
        fields.put("outcome", entry.outcome().name());
        fields.put("requestId", entry.requestId());
        fields.put("hash", entry.hash());
        return JSON.writeValueAsString(fields) + "\n";
    }
}
