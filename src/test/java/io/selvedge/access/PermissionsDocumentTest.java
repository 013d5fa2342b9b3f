package io.selvedge.access;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** The committed documentation page is the permission table's, and the table reads as PERMISSIONS.md. */
class PermissionsDocumentTest {

    @Test
    void theCommittedPageIsGeneratedFromTheTable() throws Exception {
        String committed = Files.readString(Path.of("docs/permissions.md"), StandardCharsets.UTF_8);
        assertThat(committed)
                .as("docs/permissions.md differs from PermissionTable: build (./mvnw compile) and commit the page")
                .isEqualTo(PermissionTable.markdown());
    }

    @Test
    void everyActionHasARowAndEveryRowItsRolesInThePage() {
        String page = PermissionTable.markdown();
        for (Action action : Action.values()) {
            assertThat(page).contains("`" + action.name() + "`");
            assertThat(PermissionTable.rolesFor(action)).isNotEmpty();
        }
    }
}
