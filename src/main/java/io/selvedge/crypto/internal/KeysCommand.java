package io.selvedge.crypto.internal;

import io.selvedge.platform.OperatorCommand;
import io.selvedge.storage.StoreId;
import io.selvedge.storage.Stores;
import java.io.PrintStream;
import java.security.GeneralSecurityException;
import java.util.List;
import java.util.UUID;
import lombok.RequiredArgsConstructor;
import org.springframework.stereotype.Component;

/** {@code keys rotate-kek (--region R | --global) [--destroy-previous]} and {@code keys destroy-due}. */
@Component
@RequiredArgsConstructor
class KeysCommand implements OperatorCommand {

    private final KekRotation rotation;
    private final Shredder shredder;
    private final Keysets keysets;
    private final Stores stores;

    @Override
    public String name() {
        return "keys";
    }

    @Override
    public String usage() {
        return """
                Usage: java -jar selvedge.jar keys SUB-COMMAND

                  rotate-kek --region R [--destroy-previous]
                  rotate-kek --global [--destroy-previous]
                      Adds a new version of the store's key-encrypting key and re-wraps every keyset of the
                      store under it, online. With --destroy-previous, older versions no keyset uses any more
                      are destroyed: backups of the stores taken before become unreadable.
                  destroy-due
                      Destroys now the keys of the groups whose grace period after deletion has passed
                      (the server does it every selvedge.crypto.shredding-check-interval).
                """;
    }

    @Override
    public int run(List<String> arguments, PrintStream out) {
        if (arguments.isEmpty()) {
            out.print(usage());
            return 2;
        }
        try {
            switch (arguments.get(0)) {
                case "rotate-kek" -> {
                    StoreId store = storeOf(arguments);
                    if (store == null) {
                        out.print(usage());
                        return 2;
                    }
                    KekRotation.Result result = rotation.rotate(store, arguments.contains("--destroy-previous"));
                    out.println("The " + store + " store's keysets are wrapped under " + result.newKek() + " ("
                            + result.rewrapped() + " re-wrapped)"
                            + (result.destroyed().isEmpty() ? "" : "; destroyed " + result.destroyed()));
                    return 0;
                }
                case "destroy-due" -> {
                    List<UUID> destroyed = shredder.destroyDue(keysets.now());
                    out.println("Destroyed the keys of " + destroyed.size() + " group(s): " + destroyed);
                    return 0;
                }
                default -> {
                    out.print(usage());
                    return 2;
                }
            }
        } catch (GeneralSecurityException | RuntimeException e) {
            out.println("Failed: " + e.getMessage());
            return 1;
        }
    }

    private StoreId storeOf(List<String> arguments) {
        if (arguments.contains("--global")) {
            return StoreId.GLOBAL;
        }
        int at = arguments.indexOf("--region");
        if (at < 0 || at + 1 >= arguments.size()) {
            return null;
        }
        String region = arguments.get(at + 1);
        stores.region(region); // refuses an unknown region
        return StoreId.region(region);
    }
}
