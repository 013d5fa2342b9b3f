package io.selvedge.testing;

import io.selvedge.content.Style;
import io.selvedge.content.Styles;
import io.selvedge.content.Uploads;
import io.selvedge.content.Versions;
import io.selvedge.platform.AuditActor;
import io.selvedge.tenancy.Groups;
import io.selvedge.tenancy.NodeKind;
import io.selvedge.tenancy.Tree;
import java.util.List;
import java.util.UUID;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * An integration test that works below the API, with the services that hold groups, their trees and
 * their styles, versions and uploads. Extend it from a {@link SelvedgeIntegrationTest}.
 */
public abstract class ContentServices {

    @Autowired
    protected Groups groups;

    @Autowired
    protected Tree tree;

    @Autowired
    protected Styles styles;

    @Autowired
    protected Versions versions;

    @Autowired
    protected Uploads uploads;

    /** A style, "Parka", in a new group of the eu region: Ourse SA › Ourse › SS27 › Denim. */
    protected Style aStyle(UUID actor) {
        UUID group = groups.create("Maison", "eu", actor).id();
        UUID company = tree.create(NodeKind.COMPANY, group, "Ourse SA", AuditActor.system())
                .id();
        UUID brand = tree.create(NodeKind.BRAND, company, "Ourse", AuditActor.system())
                .id();
        UUID season =
                tree.create(NodeKind.SEASON, brand, "SS27", AuditActor.system()).id();
        UUID workroom = tree.create(NodeKind.WORKROOM, season, "Denim", AuditActor.system())
                .id();
        return styles.create(workroom, "Parka", "", List.of(), actor);
    }
}
