package io.selvedge.collab.internal;

import io.selvedge.crypto.EncryptedColumns;
import io.selvedge.crypto.ReEncryptable;
import io.selvedge.storage.GroupDataPlanes;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The collab module's encrypted columns, re-encrypted under a group's newest key after it rotates.
 * Links keep only hashes (of the token, Argon2id of the password) and notifications only ids: nothing of
 * theirs is under a group key.
 */
@Configuration(proxyBeanMethods = false)
class CollabReEncryption {

    @Bean
    ReEncryptable commentColumns(GroupDataPlanes planes) {
        return new EncryptedColumns("collab.comments", CommentRepository.TABLE, planes);
    }

    @Bean
    ReEncryptable approvalColumns(GroupDataPlanes planes) {
        return new EncryptedColumns("collab.approvals", ApprovalRepository.TABLE, planes);
    }
}
