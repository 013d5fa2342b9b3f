package io.selvedge.monitoring.internal;

import io.selvedge.crypto.EncryptedColumns;
import io.selvedge.crypto.ReEncryptable;
import io.selvedge.storage.GroupDataPlanes;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** A group's alerts' encrypted columns, re-encrypted under the group's newest key after it rotates. */
@Configuration(proxyBeanMethods = false)
class AlertReEncryption {

    @Bean
    ReEncryptable monitoringAlertColumns(GroupDataPlanes planes) {
        return new EncryptedColumns("monitoring.alerts", AlertRows.TABLE, planes);
    }
}
