package io.selvedge.access.internal;

import io.selvedge.access.DirectGrants;
import io.selvedge.access.EmailDomains;
import io.selvedge.access.Grant;
import io.selvedge.access.GrantRefusedException;
import io.selvedge.access.Grants;
import io.selvedge.access.Invitations;
import io.selvedge.access.NotVisibleException;
import io.selvedge.access.ResourcePath;
import io.selvedge.access.Role;
import io.selvedge.access.Shares;
import io.selvedge.identity.AccountDirectory;
import io.selvedge.identity.AccountSummary;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Supplier;
import lombok.RequiredArgsConstructor;
import org.springframework.stereotype.Service;

/**
 * {@link DirectGrants}: a grant to an account that holds a role in the group or that the group manages; an
 * invitation to the address of anybody else.
 */
@Service
@RequiredArgsConstructor
class DirectGrantService implements DirectGrants {

    private final Grants grants;
    private final Invitations invitations;
    private final EmailDomains domains;
    private final DecisionPoint decisions;
    private final AccountDirectory accounts;
    private final GrantService grantService;
    private final Shares shares;

    @Override
    public Outcome grant(UUID nodeId, UUID accountId, Role role, boolean allowDownload, boolean allowUpload) {
        return decide(
                nodeId,
                accountId,
                role,
                allowDownload,
                allowUpload,
                () -> grants.grant(nodeId, accountId, role, allowDownload, allowUpload));
    }

    @Override
    public Outcome share(UUID nodeId, UUID accountId, Role role, boolean allowDownload, boolean allowUpload) {
        if (role == null || !role.byShare()) {
            throw new GrantRefusedException("A share makes an EDITOR or a VIEWER.");
        }
        return decide(
                nodeId,
                accountId,
                role,
                allowDownload,
                allowUpload,
                () -> shares.share(nodeId, accountId, role, allowDownload, allowUpload));
    }

    private Outcome decide(
            UUID nodeId,
            UUID accountId,
            Role role,
            boolean allowDownload,
            boolean allowUpload,
            Supplier<Grant> atOnce) {
        ResourcePath path = decisions.locate(nodeId).orElseThrow(NotVisibleException::new);
        UUID groupId = path.groupId();
        boolean member = !grants.grantsIn(groupId).stream()
                .filter(grant -> grant.accountId().equals(accountId))
                .toList()
                .isEmpty();
        if (!member && !domains.managingGroupOf(accountId).equals(Optional.of(groupId))) {
            // An outside collaborator (managed elsewhere or by nobody), or nobody at all: it joins only by
            // accepting an invitation, sent to its address if it has one; the answer is the same either way.
            Optional<String> email = accounts.account(accountId).map(AccountSummary::email);
            if (email.isPresent()) {
                if (role != null && role.byShare()) {
                    invitations.inviteToShare(nodeId, email.get(), role, allowDownload, allowUpload);
                } else {
                    invitations.invite(groupId, email.get(), role, nodeId);
                }
            } else {
                grantService.mayGrant(nodeId, role, allowDownload, allowUpload);
            }
            return new Outcome(null);
        }
        try {
            return new Outcome(atOnce.get());
        } catch (NoSuchGrantee unknown) {
            return new Outcome(null);
        }
    }

    /** Nobody has the id: answered like an invitation sent, after every check of the caller's right. */
    static final class NoSuchGrantee extends GrantRefusedException {

        private static final long serialVersionUID = 1L;

        NoSuchGrantee() {
            super("There is no such account.");
        }
    }
}
