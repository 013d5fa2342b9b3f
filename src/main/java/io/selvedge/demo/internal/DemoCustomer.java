package io.selvedge.demo.internal;

import io.selvedge.access.Grants;
import io.selvedge.access.Role;
import io.selvedge.access.Shares;
import io.selvedge.collab.Approvals;
import io.selvedge.collab.Comments;
import io.selvedge.collab.Pin;
import io.selvedge.collab.ShareLinks;
import io.selvedge.content.Style;
import io.selvedge.content.Styles;
import io.selvedge.content.Version;
import io.selvedge.content.Versions;
import io.selvedge.identity.AccountDirectory;
import io.selvedge.identity.AccountExistsException;
import io.selvedge.identity.AccountRegistration;
import io.selvedge.platform.AuditActor;
import io.selvedge.storage.DemoDataMarks;
import io.selvedge.tenancy.Groups;
import io.selvedge.tenancy.NodeKind;
import io.selvedge.tenancy.Tree;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import lombok.RequiredArgsConstructor;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Service;

/**
 * Makes a {@link DemoPlan} real through the modules' own services, as people would through the API: the
 * accounts register, the group admin creates the group and its tree, grants and shares roles, and the
 * members upload, comment, approve and make links. So the data is encrypted, audited and placed in its
 * region like any other.
 */
@Service
@RequiredArgsConstructor
class DemoCustomer {

    static final Duration LINK_LIFETIME = Duration.ofDays(30);
    private static final String PASSWORD_LETTERS = "abcdefghijkmnpqrstuvwxyz23456789";

    private final DemoDataMarks marks;
    private final AccountRegistration registration;
    private final AccountDirectory directory;
    private final Groups groups;
    private final Tree tree;
    private final Grants grants;
    private final Shares shares;
    private final Styles styles;
    private final Versions versions;
    private final Comments comments;
    private final Approvals approvals;
    private final ShareLinks links;
    private final Clock clock;
    private final SecureRandom passwords = new SecureRandom();

    /** What was made: the group, the members with their passwords (shown once), and the link tokens. */
    record Made(UUID groupId, List<Account> accounts, List<UUID> styleIds, List<String> linkTokens) {}

    record Account(Role role, String username, String password, UUID id) {

        @Override
        public String toString() {
            return "Account[" + role + ", " + username + "]";
        }
    }

    /**
     * Makes the plan's customer.
     *
     * @throws AccountExistsException before making anything, if a member's username is taken (the seed ran here)
     */
    Made make(DemoPlan plan, String region) throws IOException {
        for (DemoPlan.Member member : plan.members()) {
            if (directory.accountWithUsername(member.username()).isPresent()) {
                throw new AccountExistsException("The username " + member.username() + " is taken.");
            }
        }
        marks.markEveryStore();
        Map<Role, Account> members = new EnumMap<>(Role.class);
        for (DemoPlan.Member member : plan.members()) {
            String password = password();
            UUID id = registration.register(member.username(), password, member.displayName(), null);
            members.put(member.role(), new Account(member.role(), member.username(), password, id));
        }
        Account admin = members.get(Role.GROUP_ADMIN);
        AuditActor by = AuditActor.account(admin.id());
        UUID group = groups.create(plan.groupName(), region, admin.id()).id();
        List<UUID> styleIds = new ArrayList<>();
        List<String> tokens = new ArrayList<>();
        as(admin, () -> grant(group, members, Role.GROUP_OPERATOR));
        for (DemoPlan.Company company : plan.companies()) {
            UUID companyId =
                    tree.create(NodeKind.COMPANY, group, company.name(), by).id();
            boolean firstCompany = company == plan.companies().get(0);
            if (firstCompany) {
                as(admin, () -> grant(companyId, members, Role.COMPANY_ADMIN, Role.COMPANY_COLLABORATOR));
            }
            for (DemoPlan.Brand brand : company.brands()) {
                UUID brandId =
                        tree.create(NodeKind.BRAND, companyId, brand.name(), by).id();
                if (firstCompany && brand == company.brands().get(0)) {
                    as(admin, () -> grant(brandId, members, Role.BRAND_ADMIN, Role.BRAND_COLLABORATOR));
                }
                for (DemoPlan.Season season : brand.seasons()) {
                    UUID seasonId = tree.create(NodeKind.SEASON, brandId, season.name(), by)
                            .id();
                    for (DemoPlan.Workroom workroom : season.workrooms()) {
                        UUID workroomId = tree.create(NodeKind.WORKROOM, seasonId, workroom.name(), by)
                                .id();
                        if (styleIds.isEmpty()) {
                            as(admin, () -> share(workroomId, members));
                            tokens.add(link(workroomId, "workroom", admin));
                        }
                        for (DemoPlan.Style style : workroom.styles()) {
                            UUID styleId = style(workroomId, style, members, admin, tokens);
                            styleIds.add(styleId);
                        }
                    }
                }
            }
        }
        return new Made(group, List.copyOf(members.values()), styleIds, tokens);
    }

    private UUID style(
            UUID workroomId, DemoPlan.Style plan, Map<Role, Account> members, Account admin, List<String> tokens)
            throws IOException {
        Style style = styles.create(workroomId, plan.name(), plan.description(), plan.tags(), admin.id());
        Version newest = null;
        int number = 0;
        for (Garment garment : plan.versions()) {
            number++;
            String filename = plan.name().toLowerCase(Locale.ROOT).replace(' ', '-') + "-v" + number + ".glb";
            newest = versions.upload(
                    style.id(),
                    filename,
                    "model/gltf-binary",
                    garment.glb().length,
                    new ByteArrayInputStream(garment.glb()),
                    admin.id());
        }
        for (DemoPlan.Comment comment : plan.comments()) {
            float[] at = comment.pin();
            comments.post(
                    style.id(),
                    comment.body(),
                    newest == null ? null : newest.id(),
                    new Pin(at[0], at[1], (double) at[2]),
                    members.get(comment.author()).id());
        }
        if (plan.approval() != null) {
            approvals.record(
                    style.id(),
                    plan.approval().status(),
                    plan.approval().note(),
                    members.get(plan.approval().by()).id());
        }
        if (plan.link()) {
            tokens.add(link(style.id(), "style", admin));
        }
        return style.id();
    }

    private String link(UUID targetId, String kind, Account admin) {
        return links.create(targetId, kind, clock.instant().plus(LINK_LIFETIME), null, true, admin.id())
                .token();
    }

    private void grant(UUID nodeId, Map<Role, Account> members, Role... roles) {
        for (Role role : roles) {
            grants.grant(nodeId, members.get(role).id(), role, true, true);
        }
    }

    private void share(UUID workroomId, Map<Role, Account> members) {
        shares.share(workroomId, members.get(Role.EDITOR).id(), Role.EDITOR, true, true);
        shares.share(workroomId, members.get(Role.VIEWER).id(), Role.VIEWER, false, false);
    }

    /** Runs a step as the account, whose rights the access module checks as for a request of theirs. */
    private static void as(Account account, Runnable step) {
        var context = SecurityContextHolder.createEmptyContext();
        context.setAuthentication(
                UsernamePasswordAuthenticationToken.authenticated(account.username(), null, List.of()));
        SecurityContextHolder.setContext(context);
        try {
            step.run();
        } finally {
            SecurityContextHolder.clearContext();
        }
    }

    /** Twenty letters and digits (about 100 bits), easy to type from the printout. */
    private String password() {
        StringBuilder password = new StringBuilder();
        for (int i = 0; i < 20; i++) {
            if (i > 0 && i % 5 == 0) {
                password.append('-');
            }
            password.append(PASSWORD_LETTERS.charAt(passwords.nextInt(PASSWORD_LETTERS.length())));
        }
        return password.toString();
    }
}
