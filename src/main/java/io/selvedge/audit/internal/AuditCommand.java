package io.selvedge.audit.internal;

import io.selvedge.audit.AuditTrail;
import io.selvedge.audit.AuditVerification;
import io.selvedge.platform.OperatorCommand;
import java.io.PrintStream;
import java.util.List;
import java.util.UUID;
import lombok.RequiredArgsConstructor;
import org.springframework.stereotype.Component;

/** {@code audit verify --group G} and {@code audit verify --platform}. */
@Component
@RequiredArgsConstructor
class AuditCommand implements OperatorCommand {

    private final AuditTrail trail;

    @Override
    public String name() {
        return "audit";
    }

    @Override
    public String usage() {
        return """
                Usage: java -jar selvedge.jar audit SUB-COMMAND

                  verify --group G
                  verify --platform
                      Recomputes the hash chain of the group's audit trail (or of the platform trail) from
                      its start or its retention checkpoint, checks its signed seals, and names the first
                      entry that was altered, removed or inserted. Exit code 0 if the trail is intact, 1 if
                      not (or it cannot be read), 2 for a usage error.
                """;
    }

    @Override
    public int run(List<String> arguments, PrintStream out) {
        if (arguments.isEmpty() || !arguments.get(0).equals("verify")) {
            out.print(usage());
            return 2;
        }
        UUID group;
        if (arguments.size() == 2 && arguments.get(1).equals("--platform")) {
            group = null;
        } else if (arguments.size() == 3 && arguments.get(1).equals("--group")) {
            try {
                group = UUID.fromString(arguments.get(2));
            } catch (IllegalArgumentException e) {
                out.println("Not a group id: " + arguments.get(2));
                out.print(usage());
                return 2;
            }
        } else {
            out.print(usage());
            return 2;
        }
        String which = group == null ? "The platform trail" : "The trail of group " + group;
        try {
            AuditVerification result = trail.verify(group);
            if (result.ok()) {
                out.println(which + " is intact: " + result.checked() + " entries checked.");
                return 0;
            }
            out.println(which + " is NOT intact: entry " + result.firstBadEntry() + " was " + result.problem() + " ("
                    + result.checked() + " entries checked).");
            return 1;
        } catch (RuntimeException e) {
            out.println("Failed: " + e.getMessage());
            return 1;
        }
    }
}
