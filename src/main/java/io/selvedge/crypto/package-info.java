/**
 * The only code that touches key material: the key-management services that hold each store's
 * key-encrypting keys, the per-group Tink keysets they wrap, and the field and file encryption every
 * other module uses. See {@code docs/kms.md}.
 *
 * <p>Public API: {@link io.selvedge.crypto.GroupKeys} (create, rotate, shred a group's keys),
 * {@link io.selvedge.crypto.FieldCiphers} (columns and blind indexes), {@link io.selvedge.crypto.FileCiphers}
 * (streams), {@link io.selvedge.crypto.ReEncryptable} with {@link io.selvedge.crypto.ReEncryptionJobs}
 * (re-encryption after a key rotation) and the {@link io.selvedge.crypto.TamperDetected} event.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = {"platform", "storage"})
@org.jspecify.annotations.NullMarked
package io.selvedge.crypto;
