package io.selvedge.sso.internal;

import io.selvedge.crypto.EncryptedColumns;
import io.selvedge.crypto.ReEncryptable;
import io.selvedge.storage.GroupDataPlanes;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The connections' encrypted settings and secrets, re-encrypted after a group key rotation. */
@Configuration(proxyBeanMethods = false)
class SsoReEncryption {

    @Bean
    ReEncryptable ssoConnectionColumns(GroupDataPlanes planes) {
        return new EncryptedColumns("sso.connections", ConnectionRepository.TABLE, planes);
    }
}
