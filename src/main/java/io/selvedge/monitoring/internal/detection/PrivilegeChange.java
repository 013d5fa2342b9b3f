package io.selvedge.monitoring.internal.detection;

import io.selvedge.access.MemberMfaReset;
import io.selvedge.access.Role;
import io.selvedge.access.RoleGranted;
import io.selvedge.access.SecurityPolicyChanged;
import io.selvedge.identity.MfaReset;
import io.selvedge.monitoring.AlertCategory;
import io.selvedge.monitoring.AlertSeverity;
import io.selvedge.monitoring.Alerts;
import io.selvedge.platform.AuditableEvent;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.stereotype.Component;

/**
 * A privilege change worth a second look: a group admin granted, a group's security policy weakened, an
 * account's MFA reset. The policy's event says how it was weakened against the policy it replaced
 * ({@code SecurityPolicy.weakenedIn}): MFA no longer required, password sign-in allowed again, the address
 * allow-list emptied, link downloads opened to anyone, or a session timeout lengthened.
 */
@Component("monitoring.privilegeChange")
class PrivilegeChange extends Detection implements EventDetection {

    static final String NAME = "privilege-change";

    @ConfigurationProperties("selvedge.monitoring.detections.privilege-change")
    record Settings(@DefaultValue("true") boolean enabled) {}

    PrivilegeChange(Settings settings, Alerts alerts) {
        super(NAME, settings.enabled(), alerts);
    }

    @Override
    public void on(AuditableEvent event) {
        if (event instanceof RoleGranted granted && granted.role() == Role.GROUP_ADMIN) {
            raise(
                    granted.groupId(),
                    "admin-granted:" + granted.accountId(),
                    "A group admin was granted",
                    Map.of("account", granted.accountId().toString(), "by", String.valueOf(granted.grantedBy())));
        } else if (event instanceof MemberMfaReset reset) {
            raise(
                    reset.groupId(),
                    "mfa-reset:" + reset.accountId(),
                    "A member's MFA was reset",
                    Map.of(
                            "account",
                            reset.accountId().toString(),
                            "by",
                            String.valueOf(reset.auditActor().id())));
        } else if (event instanceof MfaReset reset) {
            raise(
                    null,
                    "mfa-reset:" + reset.accountId(),
                    "An account's MFA was reset",
                    Map.of(
                            "account",
                            reset.accountId().toString(),
                            "by",
                            String.valueOf(reset.auditActor().id())));
        } else if (event instanceof SecurityPolicyChanged changed
                && !changed.refused()
                && !changed.weakened().isEmpty()) {
            raise(
                    changed.groupId(),
                    "policy-weakened:" + changed.version(),
                    "The group's security policy was weakened",
                    Map.of(
                            "changes",
                            String.join(", ", changed.weakened()),
                            "version",
                            Long.toString(changed.version())));
        }
    }

    private void raise(@Nullable UUID group, String what, String summary, Map<String, String> details) {
        raise(AlertSeverity.WARNING, AlertCategory.SECURITY, group, group + ":" + what, summary, details);
    }
}
