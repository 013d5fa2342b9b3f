package io.selvedge.identity.internal;

import io.selvedge.identity.StaffAccounts.ReviewFormat;
import io.selvedge.identity.StaffAccounts.StaffAccount;
import io.selvedge.platform.CsvLines;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.json.JsonMapper;

/**
 * The staff access review as a file for auditors: CSV as RFC 4180 (every cell quoted, quotes doubled, CRLF),
 * formula-safe (a cell a spreadsheet would run starts with an apostrophe), or a JSON array of the same fields.
 */
final class StaffReviewFiles {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final List<String> COLUMNS = List.of(
            "id",
            "username",
            "role",
            "active",
            "mfaEnrolled",
            "passkeys",
            "createdAt",
            "lastSignInAt",
            "confirmedAt",
            "confirmedBy");

    private StaffReviewFiles() {}

    static String write(List<StaffAccount> review, ReviewFormat format) {
        if (format == ReviewFormat.JSON) {
            return JSON.writeValueAsString(
                    review.stream().map(StaffReviewFiles::fields).toList());
        }
        StringBuilder csv = new StringBuilder(String.join(",", COLUMNS)).append("\r\n");
        for (StaffAccount account : review) {
            csv.append(CsvLines.line(fields(account).values()));
        }
        return csv.toString();
    }

    private static Map<String, Object> fields(StaffAccount account) {
        Object[] values = {
            account.id().toString(),
            account.username(),
            account.role(),
            account.active(),
            account.mfaEnrolled(),
            account.passkeys(),
            account.createdAt().toString(),
            account.lastSignInAt() == null ? null : account.lastSignInAt().toString(),
            account.confirmedAt() == null ? null : account.confirmedAt().toString(),
            account.confirmedBy()
        };
        Map<String, Object> fields = new LinkedHashMap<>();
        for (int i = 0; i < values.length; i++) {
            fields.put(COLUMNS.get(i), values[i]);
        }
        return fields;
    }
}
