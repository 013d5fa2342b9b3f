/**
 * The only code that touches key material: the KMS, keysets, field and stream encryption. Arrives with its issue.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = {"platform", "storage"})
package io.selvedge.crypto;
