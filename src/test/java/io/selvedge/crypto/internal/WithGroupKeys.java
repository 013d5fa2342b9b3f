package io.selvedge.crypto.internal;

import io.selvedge.crypto.FieldCiphers;
import io.selvedge.crypto.GroupKeys;
import io.selvedge.storage.GroupResidency;
import org.springframework.beans.factory.annotation.Autowired;

/** A crypto integration test that makes groups' keys in a region and encrypts fields with them. */
abstract class WithGroupKeys {

    @Autowired
    GroupKeys groupKeys;

    @Autowired
    GroupResidency residency;

    @Autowired
    FieldCiphers fields;
}
