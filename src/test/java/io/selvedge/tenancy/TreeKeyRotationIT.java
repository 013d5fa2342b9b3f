package io.selvedge.tenancy;

import static org.assertj.core.api.Assertions.assertThat;

import io.selvedge.crypto.GroupKeys;
import io.selvedge.crypto.ReEncryptionJobs;
import io.selvedge.crypto.ReEncryptionProgress;
import io.selvedge.platform.AuditActor;
import io.selvedge.storage.Stores;
import io.selvedge.testing.KeyRotations;
import io.selvedge.testing.SelvedgeIntegrationTest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/** After a group's key rotates, the tree's names are rewritten under the new key and still read back. */
@SelvedgeIntegrationTest
class TreeKeyRotationIT {

    @Autowired
    Groups groups;

    @Autowired
    Tree tree;

    @Autowired
    GroupKeys keys;

    @Autowired
    ReEncryptionJobs jobs;

    @Autowired
    Stores stores;

    @Test
    void namesAreReEncryptedUnderTheNewKey() throws Exception {
        UUID group = groups.create("Maison", "eu", UUID.randomUUID()).id();
        TreeNode company = tree.create(NodeKind.COMPANY, group, "Ourse SA", AuditActor.system());
        TreeNode brand = tree.create(NodeKind.BRAND, company.id(), "Ourse", AuditActor.system());
        List<String> before = storedNames(group);

        UUID job = keys.rotate(group, AuditActor.system());
        ReEncryptionProgress done = awaitFinished(group, job);

        assertThat(done.rewritten()).isEqualTo(3);
        assertThat(storedNames(group)).doesNotContainAnyElementsOf(before);
        assertThat(groups.get(group).name()).isEqualTo("Maison");
        assertThat(tree.get(NodeKind.BRAND, brand.id()).name()).isEqualTo("Ourse");
        assertThat(tree.children(NodeKind.COMPANY, group, 10, null).items())
                .extracting(TreeNode::name)
                .containsExactly("Ourse SA");
    }

    private List<String> storedNames(UUID group) {
        JdbcTemplate eu = new JdbcTemplate(stores.region("eu").dataSource());
        List<String> names = new ArrayList<>(
                eu.queryForList("select name from tenancy_node where group_id = ?", String.class, group));
        names.addAll(eu.queryForList("select name from tenancy_group where group_id = ?", String.class, group));
        return names;
    }

    private ReEncryptionProgress awaitFinished(UUID group, UUID job) {
        return KeyRotations.awaitParticipant(
                jobs, group, job, "tenancy.tree", ReEncryptionProgress::finished, Duration.ofSeconds(60));
    }
}
