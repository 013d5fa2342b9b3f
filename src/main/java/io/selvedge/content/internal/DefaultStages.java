package io.selvedge.content.internal;

import static io.selvedge.access.Role.BRAND_ADMIN;
import static io.selvedge.access.Role.BRAND_COLLABORATOR;
import static io.selvedge.access.Role.COMPANY_ADMIN;
import static io.selvedge.access.Role.COMPANY_COLLABORATOR;
import static io.selvedge.access.Role.EDITOR;
import static io.selvedge.access.Role.GROUP_ADMIN;

import io.selvedge.content.Stage;
import java.util.List;
import java.util.Set;

/**
 * The stages a group has until its admins define their own: proto → fit → sales sample → production, as brands
 * run them. Editors work a style through development and proto; collaborators take it to fit and sales sample;
 * only admins approve it for production or drop it. The ids of the first, the approved and the dropped stage are
 * those V710 maps the earlier statuses to.
 */
final class DefaultStages {

    private static final Set<io.selvedge.access.Role> WORKING =
            Set.of(GROUP_ADMIN, COMPANY_ADMIN, COMPANY_COLLABORATOR, BRAND_ADMIN, BRAND_COLLABORATOR, EDITOR);
    private static final Set<io.selvedge.access.Role> COLLABORATORS =
            Set.of(GROUP_ADMIN, COMPANY_ADMIN, COMPANY_COLLABORATOR, BRAND_ADMIN, BRAND_COLLABORATOR);
    private static final Set<io.selvedge.access.Role> ADMINS = Set.of(GROUP_ADMIN, COMPANY_ADMIN, BRAND_ADMIN);

    static final List<Stage> ALL = List.of(
            new Stage("in-development", "In development", "#7a8ba6", WORKING),
            new Stage("proto", "Proto", "#3f7fbf", WORKING),
            new Stage("fit", "Fit", "#8a5cc2", COLLABORATORS),
            new Stage("sales-sample", "Sales sample", "#c98a1a", COLLABORATORS),
            new Stage("approved-for-production", "Approved for production", "#2e8540", ADMINS),
            new Stage("dropped", "Dropped", "#8c8c8c", ADMINS));

    private DefaultStages() {}
}
