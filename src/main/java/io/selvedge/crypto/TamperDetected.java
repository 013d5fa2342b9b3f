package io.selvedge.crypto;

import java.util.UUID;
import org.springframework.lang.Nullable;

/**
 * A stored ciphertext failed authentication: a byte changed, was truncated or reordered, or the
 * ciphertext was moved to another row, column or file. Published when the read fails; monitoring
 * alerts on it.
 *
 * @param groupId the group whose data failed, or null for the global directory
 * @param what {@code field} or {@code file}
 * @param id what failed: {@code table.column#rowId} for a field, the file id for a file
 */
public record TamperDetected(@Nullable UUID groupId, String what, String id) {}
