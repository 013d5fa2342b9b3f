package io.selvedge.scim.internal;

import io.selvedge.crypto.EncryptedColumns;
import io.selvedge.crypto.ReEncryptable;
import io.selvedge.storage.GroupDataPlanes;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** SCIM's encrypted columns, re-encrypted under a group's newest key after it rotates. */
@Configuration(proxyBeanMethods = false)
class ScimReEncryption {

    @Bean
    ReEncryptable scimTokenColumns(GroupDataPlanes planes) {
        return new EncryptedColumns("scim.tokens", ScimTokenRepository.TABLE, planes);
    }

    @Bean
    ReEncryptable scimUserColumns(GroupDataPlanes planes) {
        return new EncryptedColumns("scim.users", ScimRepository.USERS, planes);
    }

    @Bean
    ReEncryptable scimGroupColumns(GroupDataPlanes planes) {
        return new EncryptedColumns("scim.groups", ScimRepository.GROUPS, planes);
    }
}
