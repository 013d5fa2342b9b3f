package io.selvedge.crypto.internal;

import io.selvedge.crypto.FieldCiphers;
import io.selvedge.storage.GroupResidency;
import io.selvedge.storage.Stores;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;

/** What every crypto integration test adds to the server: one module's encrypted table. */
@TestConfiguration(proxyBeanMethods = false)
public class CryptoTestConfiguration {

    @Bean
    SecretNotes secretNotes(Stores stores, GroupResidency residency, FieldCiphers fields) {
        return new SecretNotes(stores, residency, fields);
    }
}
