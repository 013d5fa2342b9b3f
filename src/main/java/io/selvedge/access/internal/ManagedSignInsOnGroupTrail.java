package io.selvedge.access.internal;

import io.selvedge.access.EmailDomains;
import io.selvedge.access.ManagedAccountSignIn;
import io.selvedge.identity.SignInFailed;
import io.selvedge.identity.SignInSucceeded;
import io.selvedge.platform.RequestOrigin;
import io.selvedge.storage.GroupWrites;
import java.util.UUID;
import lombok.RequiredArgsConstructor;
import org.jspecify.annotations.Nullable;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/**
 * Copies the sign-ins of a group's managed accounts onto that group's trail (issue 15): the identity module
 * records every sign-in on the platform trail, where the organisation's admins cannot read. Through the
 * outbox, so a sign-in that committed reaches the group's trail even across a crash; in the group's region,
 * through its unit of work. Outsiders' sign-ins stay off every group's trail: no group owns them.
 */
@Component
@RequiredArgsConstructor
class ManagedSignInsOnGroupTrail {

    private final EmailDomains domains;
    private final GroupWrites writes;
    private final ApplicationEventPublisher events;

    @ApplicationModuleListener
    void on(SignInSucceeded signIn) {
        record(signIn.accountId(), signIn.factor(), null, signIn.auditOrigin());
    }

    @ApplicationModuleListener
    void on(SignInFailed signIn) {
        UUID accountId = signIn.accountId();
        if (accountId != null) {
            record(accountId, signIn.factor(), signIn.reason(), signIn.auditOrigin());
        }
    }

    private void record(UUID accountId, String factor, @Nullable String failureReason, RequestOrigin origin) {
        domains.managingGroupOf(accountId)
                .ifPresent(groupId -> writes.run(
                        groupId,
                        plane -> events.publishEvent(
                                new ManagedAccountSignIn(groupId, accountId, factor, failureReason, origin))));
    }
}
