package io.selvedge.content.internal;

import io.selvedge.crypto.EncryptedColumns;
import io.selvedge.crypto.ReEncryptable;
import io.selvedge.storage.GroupDataPlanes;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The content module's encrypted columns, re-encrypted under a group's newest key after it rotates. Its
 * files (versions, thumbnails, upload parts) are the crypto module's own participant; the tag look-up
 * holds blind indexes, whose keys never rotate; the search tokens are kept by {@link SearchIndexUpkeep}.
 */
@Configuration(proxyBeanMethods = false)
class ContentReEncryption {

    @Bean
    ReEncryptable styleColumns(GroupDataPlanes planes) {
        return new EncryptedColumns("content.styles", StyleRepository.TABLE, planes);
    }

    @Bean
    ReEncryptable versionColumns(GroupDataPlanes planes) {
        return new EncryptedColumns("content.versions", VersionRepository.TABLE, planes);
    }

    @Bean
    ReEncryptable stageColumns(GroupDataPlanes planes) {
        return new EncryptedColumns("content.stages", StageRepository.TABLE, planes);
    }

    @Bean
    ReEncryptable colorwayColumns(GroupDataPlanes planes) {
        return new EncryptedColumns("content.colorways", ColorwayRepository.TABLE, planes);
    }

    @Bean
    ReEncryptable materialColumns(GroupDataPlanes planes) {
        return new EncryptedColumns("content.materials", MaterialRepository.TABLE, planes);
    }

    @Bean
    ReEncryptable uploadColumns(GroupDataPlanes planes) {
        return new EncryptedColumns("content.uploads", UploadRepository.TABLE, planes);
    }
}
