/**
 * Backup and restore of an installation as operator commands: {@code backup --out DIR [--region R]} takes
 * an online, consistent backup of the stores ({@link io.selvedge.storage.StoreBackups}) with the sealed key
 * stores and a description of where each key-encryption key lives; {@code restore --from DIR} loads one into
 * empty stores and verifies every audit trail of the restored installation.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = {"platform", "storage", "audit", "crypto"})
@org.jspecify.annotations.NullMarked
package io.selvedge.backup;
