package io.selvedge.access.internal;

import io.selvedge.access.CustomerGroups;
import io.selvedge.access.Invitations;
import io.selvedge.access.PlatformStaff;
import io.selvedge.identity.Caller;
import io.selvedge.identity.EmailAddresses;
import io.selvedge.tenancy.Group;
import io.selvedge.tenancy.Groups;
import io.selvedge.tenancy.Tree;
import lombok.RequiredArgsConstructor;
import org.springframework.stereotype.Service;

@Service
@RequiredArgsConstructor
class CustomerGroupService implements CustomerGroups {

    private final PlatformStaff staff;
    private final Groups groups;
    private final Invitations invitations;

    @Override
    public StartedGroup start(String name, String region, String adminEmail) {
        Caller admin = staff.requirePlatformAdmin("Only a platform admin creates customer groups.");
        Tree.normalisedName(name);
        EmailAddresses.check(adminEmail);
        Group group = groups.createForCustomer(name, region, admin.accountId());
        return new StartedGroup(group, invitations.inviteFirstAdmin(group.id(), adminEmail));
    }
}
