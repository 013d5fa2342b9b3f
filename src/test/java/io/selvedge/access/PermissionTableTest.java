package io.selvedge.access;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.EnumSet;
import org.junit.jupiter.api.Test;

/** The table says what PERMISSIONS.md says, cell by cell where a customer would look. */
class PermissionTableTest {

    @Test
    void aGroupOperatorAdministersButSeesNoContent() {
        for (Action action : EnumSet.of(
                Action.VIEW_GROUP_SETTINGS,
                Action.READ_AUDIT,
                Action.MANAGE_INTEGRATION_TOKENS,
                Action.SEE_GROUP_MEMBERS,
                Action.SEE_COMPANY_MEMBERS,
                Action.SEE_BRAND_MEMBERS)) {
            assertThat(PermissionTable.permits(Role.GROUP_OPERATOR, action, false, false))
                    .as(action.name())
                    .isTrue();
        }
        for (Action action : EnumSet.of(
                Action.VIEW, Action.COMMENT, Action.DOWNLOAD, Action.CHANGE_GROUP_SETTINGS, Action.INVITE_TO_GROUP)) {
            assertThat(PermissionTable.permits(Role.GROUP_OPERATOR, action, true, true))
                    .as(action.name())
                    .isFalse();
        }
    }

    @Test
    void aBrandCollaboratorManagesWorkroomsButNotSeasonsOrBrands() {
        assertThat(PermissionTable.permits(Role.BRAND_COLLABORATOR, Action.MANAGE_WORKROOMS, false, false))
                .isTrue();
        assertThat(PermissionTable.permits(Role.BRAND_COLLABORATOR, Action.MANAGE_SEASONS, false, false))
                .isFalse();
        assertThat(PermissionTable.permits(Role.BRAND_COLLABORATOR, Action.MANAGE_BRANDS, false, false))
                .isFalse();
    }

    @Test
    void aCompanyCollaboratorCannotInvite() {
        assertThat(PermissionTable.permits(Role.COMPANY_COLLABORATOR, Action.INVITE_TO_COMPANY, false, false))
                .isFalse();
        assertThat(PermissionTable.permits(Role.COMPANY_COLLABORATOR, Action.SEE_COMPANY_MEMBERS, false, false))
                .isTrue();
    }

    @Test
    void aViewerViewsAndCommentsAndDownloadsOrUploadsOnlyWhereTheShareAllows() {
        assertThat(PermissionTable.permits(Role.VIEWER, Action.VIEW, false, false))
                .isTrue();
        assertThat(PermissionTable.permits(Role.VIEWER, Action.COMMENT, false, false))
                .isTrue();
        assertThat(PermissionTable.permits(Role.VIEWER, Action.EDIT_STYLE, true, true))
                .isFalse();
        assertThat(PermissionTable.permits(Role.VIEWER, Action.DOWNLOAD, false, true))
                .isFalse();
        assertThat(PermissionTable.permits(Role.VIEWER, Action.DOWNLOAD, true, false))
                .isTrue();
        assertThat(PermissionTable.permits(Role.VIEWER, Action.UPLOAD, true, false))
                .isFalse();
        assertThat(PermissionTable.permits(Role.VIEWER, Action.UPLOAD, false, true))
                .isTrue();
        assertThat(PermissionTable.cell(Role.VIEWER, Action.DOWNLOAD))
                .isEqualTo(PermissionTable.Cell.VIEWER_IF_DOWNLOAD);
    }

    @Test
    void anEditorSharesButNeitherApprovesNorDeletesStyles() {
        assertThat(PermissionTable.permits(Role.EDITOR, Action.SHARE, false, false))
                .isTrue();
        assertThat(PermissionTable.permits(Role.EDITOR, Action.APPROVE, false, false))
                .isFalse();
        assertThat(PermissionTable.permits(Role.EDITOR, Action.MOVE_OR_DELETE_STYLE, false, false))
                .isFalse();
    }

    @Test
    void theGroupAdminMayDoEverythingAndIsTheStrongest() {
        for (Action action : Action.values()) {
            assertThat(PermissionTable.permits(Role.GROUP_ADMIN, action, false, false))
                    .as(action.name())
                    .isTrue();
        }
        for (Role role : Role.values()) {
            assertThat(PermissionTable.atLeast(
                            PermissionTable.permitted(Role.GROUP_ADMIN, false, false), role, true, true))
                    .as(role.name())
                    .isTrue();
        }
        assertThat(PermissionTable.atLeast(
                        PermissionTable.permitted(Role.EDITOR, false, false), Role.BRAND_COLLABORATOR, false, false))
                .isFalse();
        assertThat(PermissionTable.atLeast(
                        PermissionTable.permitted(Role.EDITOR, false, false), Role.VIEWER, true, true))
                .as("an editor may share as a viewer with download and upload")
                .isTrue();
    }

    @Test
    void onlyAGroupAdminDefinesStagesAndNeitherAViewerNorAnOperatorMovesAStyleBetweenThem() {
        assertThat(PermissionTable.rolesFor(Action.MANAGE_STAGES)).containsExactly(Role.GROUP_ADMIN);
        assertThat(PermissionTable.permits(Role.EDITOR, Action.MOVE_TO_STAGE, false, false))
                .isTrue();
        assertThat(PermissionTable.permits(Role.VIEWER, Action.MOVE_TO_STAGE, true, true))
                .isFalse();
        assertThat(PermissionTable.permits(Role.GROUP_OPERATOR, Action.MOVE_TO_STAGE, false, false))
                .isFalse();
    }

    @Test
    void theMaskIsThePermittedSet() {
        for (Role role : Role.values()) {
            long mask = PermissionTable.permittedMask(role, true, false);
            for (Action action : Action.values()) {
                assertThat((mask & (1L << action.ordinal())) != 0)
                        .isEqualTo(PermissionTable.permits(role, action, true, false));
            }
        }
    }
}
