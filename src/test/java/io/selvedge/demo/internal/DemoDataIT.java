package io.selvedge.demo.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.selvedge.access.Grant;
import io.selvedge.access.Grants;
import io.selvedge.access.Role;
import io.selvedge.collab.Approvals;
import io.selvedge.collab.Comment;
import io.selvedge.collab.Comments;
import io.selvedge.collab.ShareLinks;
import io.selvedge.content.Style;
import io.selvedge.content.Styles;
import io.selvedge.content.Version;
import io.selvedge.content.VersionContent;
import io.selvedge.content.Versions;
import io.selvedge.platform.OperatorCommand;
import io.selvedge.storage.Store;
import io.selvedge.storage.Stores;
import io.selvedge.tenancy.Groups;
import io.selvedge.tenancy.NodeKind;
import io.selvedge.tenancy.Tree;
import io.selvedge.testing.SelvedgeIntegrationTest;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * {@code demo-data --seed N} through the command's entry point against the test server's stores: a whole
 * customer made through the services, read back through them equal to what the seed plans, and the
 * stores marked as having held demo data.
 */
@SelvedgeIntegrationTest
class DemoDataIT {

    static final long SEED = 2026;

    @Autowired
    List<OperatorCommand> commands;

    @Autowired
    Groups groups;

    @Autowired
    Tree tree;

    @Autowired
    Styles styles;

    @Autowired
    Versions versions;

    @Autowired
    Comments comments;

    @Autowired
    Approvals approvals;

    @Autowired
    ShareLinks links;

    @Autowired
    Grants grants;

    @Autowired
    Stores stores;

    @Test
    void theCommandFillsTheInstallationWithTheCustomerItsSeedPlans() throws IOException {
        DemoData run = DemoData.run(commands, "--seed", Long.toString(SEED), "--region", "eu");
        assertThat(run.exitCode()).as(run.output()).isZero();
        DemoPlan plan = DemoPlan.of(SEED);
        UUID group = run.group();
        assertThat(groups.get(group).name()).isEqualTo(plan.groupName());
        assertThat(DemoData.children(tree, NodeKind.COMPANY, group))
                .extracting(node -> node.name())
                .containsExactlyInAnyOrderElementsOf(
                        plan.companies().stream().map(DemoPlan.Company::name).toList());

        List<Style> made = DemoData.stylesOf(group, tree, styles);
        assertThat(made)
                .extracting(Style::name)
                .containsExactlyInAnyOrderElementsOf(
                        plan.styles().stream().map(DemoPlan.Style::name).toList());
        assertThat(made).hasSizeGreaterThanOrEqualTo(24);
        int comments = 0;
        int approved = 0;
        for (DemoPlan.Style planned : plan.styles()) {
            Style style = made.stream()
                    .filter(s -> s.name().equals(planned.name()))
                    .findFirst()
                    .orElseThrow();
            List<Version> stored = versions.list(style.id()); // newest first
            assertThat(stored).hasSameSizeAs(planned.versions());
            assertThat(read(stored.get(0).id(), style.createdBy()))
                    .as("the newest model of " + planned.name() + ", decrypted, is the planned garment")
                    .isEqualTo(planned.versions()
                            .get(planned.versions().size() - 1)
                            .glb());
            List<Comment> posted =
                    this.comments.list(style.id(), null, 50, null).items();
            assertThat(posted).hasSameSizeAs(planned.comments());
            assertThat(posted)
                    .allSatisfy(comment -> assertThat(comment.pin().image()).isFalse());
            comments += posted.size();
            assertThat(approvals.history(style.id())).hasSize(planned.approval() == null ? 0 : 1);
            approved += planned.approval() == null ? 0 : 1;
            assertThat(links.list(style.id())).hasSize(planned.link() ? 1 : 0);
        }
        assertThat(comments).as("comments pinned in 3D").isGreaterThan(10);
        assertThat(approved).isGreaterThan(5);

        Set<Role> roles = grants.grantsIn(group).stream().map(Grant::role).collect(Collectors.toSet());
        assertThat(roles).containsExactlyInAnyOrder(Role.values());
        assertThat(run.members()).hasSize(Role.values().length);
        assertThat(run.links()).hasSize(4);
        assertThat(run.output()).contains(plan.members().get(0).username());

        for (Store store : stores.all()) {
            assertThat(JdbcClient.create(store.dataSource())
                            .sql("select demo_data from selvedge_store_stamp")
                            .query(Boolean.class)
                            .single())
                    .as("the " + store.id() + " store is marked as having held demo data")
                    .isTrue();
        }

        DemoData again = DemoData.run(commands, "--seed", Long.toString(SEED));
        assertThat(again.exitCode()).isEqualTo(DemoDataCommand.FAILED);
        assertThat(again.output()).contains("already");
        assertThat(grants.groupsOf(made.get(0).createdBy()))
                .as("the second run made no group")
                .containsExactly(group);
        assertThat(DemoData.run(commands, "--seed", "many").exitCode()).isEqualTo(DemoDataCommand.USAGE);
        assertThat(DemoData.run(commands, "--region", "mars").exitCode()).isEqualTo(DemoDataCommand.USAGE);
    }

    private byte[] read(UUID version, UUID actor) throws IOException {
        try (VersionContent content = versions.download(version, actor, null)) {
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            ByteBuffer buffer = ByteBuffer.allocate(64 * 1024);
            while (content.channel().read(buffer) > 0 || buffer.position() > 0) {
                buffer.flip();
                bytes.write(buffer.array(), 0, buffer.limit());
                buffer.clear();
            }
            return bytes.toByteArray();
        }
    }
}
