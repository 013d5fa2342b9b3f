package io.selvedge.access.internal;

import io.selvedge.crypto.EncryptedColumns;
import io.selvedge.crypto.ReEncryptable;
import io.selvedge.storage.GroupDataPlanes;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Invitations' e-mail addresses, re-encrypted under a group's newest key after it rotates. */
@Configuration(proxyBeanMethods = false)
class InvitationReEncryption {

    @Bean
    ReEncryptable invitationColumns(GroupDataPlanes planes) {
        return new EncryptedColumns("access.invitations", InvitationRepository.TABLE, planes);
    }
}
