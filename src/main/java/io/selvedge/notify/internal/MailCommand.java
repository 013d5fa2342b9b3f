package io.selvedge.notify.internal;

import io.selvedge.platform.OperatorCommand;
import java.io.PrintStream;
import java.time.Clock;
import java.util.List;
import java.util.UUID;
import lombok.RequiredArgsConstructor;
import org.springframework.stereotype.Component;

/** {@code mail outbox} shows the outbox and its dead letters; {@code mail retry ID} sends one again. */
@Component
@RequiredArgsConstructor
class MailCommand implements OperatorCommand {

    private final OutboxEntries entries;
    private final Clock clock;

    @Override
    public String name() {
        return "mail";
    }

    @Override
    public String usage() {
        return """
                Usage: java -jar selvedge.jar mail outbox | mail retry ID

                  outbox     counts of pending, sent and dead mail, and each dead letter's last error
                  retry ID   puts a dead letter back in the queue for an immediate attempt
                """;
    }

    @Override
    public int run(List<String> arguments, PrintStream out) {
        if (arguments.size() == 1 && arguments.get(0).equals("outbox")) {
            entries.countByStatus().forEach((status, count) -> out.printf("%-8s %d%n", status, count));
            for (OutboxEntries.DeadLetter dead : entries.deadLetters()) {
                out.printf(
                        "dead %s created %s after %d attempts: %s%n",
                        dead.id(), dead.createdAt(), dead.attempts(), dead.lastError());
            }
            return 0;
        }
        if (arguments.size() == 2 && arguments.get(0).equals("retry")) {
            UUID id;
            try {
                id = UUID.fromString(arguments.get(1));
            } catch (IllegalArgumentException e) {
                out.println("Not an outbox id: " + arguments.get(1));
                return 2;
            }
            boolean requeued = entries.requeue(id, clock.instant());
            out.println(requeued ? "Queued " + id + " for sending" : "No dead letter " + id);
            return requeued ? 0 : 1;
        }
        out.print(usage());
        return 2;
    }
}
