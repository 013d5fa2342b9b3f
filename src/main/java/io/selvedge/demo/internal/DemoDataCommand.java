package io.selvedge.demo.internal;

import io.selvedge.identity.AccountExistsException;
import io.selvedge.platform.OperatorCommand;
import io.selvedge.platform.PlatformProperties;
import io.selvedge.platform.SelvedgeEnvironment;
import io.selvedge.storage.Stores;
import java.io.IOException;
import java.io.PrintStream;
import java.net.URI;
import java.util.List;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

/**
 * {@code demo-data [--seed N] [--region R]}: makes a synthetic customer (see {@link DemoPlan}) in a
 * development or test installation, prints its members' passwords once, and stamps the stores as having
 * held demo data. Refused anywhere else: production must never hold made-up data, nor staging data that
 * could be taken for real.
 */
@Component
class DemoDataCommand implements OperatorCommand {

    static final int DONE = 0;
    static final int FAILED = 1;
    static final int USAGE = 2;
    static final Set<SelvedgeEnvironment> ALLOWED = Set.of(SelvedgeEnvironment.DEVELOPMENT, SelvedgeEnvironment.TEST);

    private static final Logger log = LoggerFactory.getLogger(DemoDataCommand.class);

    private final SelvedgeEnvironment environment;
    private final URI publicUrl;
    private final Stores stores;
    private final DemoCustomer customer;

    @Autowired
    DemoDataCommand(PlatformProperties platform, Stores stores, DemoCustomer customer) {
        this(platform.environment(), platform.publicUrl(), stores, customer);
    }

    DemoDataCommand(SelvedgeEnvironment environment, URI publicUrl, Stores stores, DemoCustomer customer) {
        this.environment = environment;
        this.publicUrl = publicUrl;
        this.stores = stores;
        this.customer = customer;
    }

    @Override
    public String name() {
        return "demo-data";
    }

    @Override
    public String usage() {
        return """
                Usage: demo-data [--seed N] [--region R]

                Makes a synthetic customer in this development or test installation: a group with two
                companies, four brands, seasons, workrooms and 32 styles whose versions are generated 3D
                garments, comments pinned on them, approvals, share links, and a member of every role.
                The same seed (default 1) makes the same names and the same models. The members' passwords
                are printed once. The stores are marked as having held demo data: production refuses them.
                Refused in staging and production.
                Exit code: 0 done, 1 refused or failed, 2 usage error.
                """;
    }

    @Override
    public int run(List<String> arguments, PrintStream out) {
        if (!ALLOWED.contains(environment)) {
            out.println("demo-data is refused in the " + environment.id()
                    + " environment: it runs in development and test only. Nothing was changed.");
            return FAILED;
        }
        long seed = 1;
        String region = stores.regions().iterator().next();
        for (int i = 0; i < arguments.size(); i += 2) {
            String option = arguments.get(i);
            if (i + 1 >= arguments.size() || !(option.equals("--seed") || option.equals("--region"))) {
                out.print(usage());
                return USAGE;
            }
            String value = arguments.get(i + 1);
            if (option.equals("--region")) {
                if (!stores.regions().contains(value)) {
                    out.println("Unknown region: " + value + ". Regions: " + String.join(", ", stores.regions()));
                    return USAGE;
                }
                region = value;
            } else {
                try {
                    seed = Long.parseLong(value);
                } catch (NumberFormatException e) {
                    out.println("Not a seed (a whole number): " + value);
                    return USAGE;
                }
            }
        }
        return make(DemoPlan.of(seed), region, out);
    }

    private int make(DemoPlan plan, String region, PrintStream out) {
        DemoCustomer.Made made;
        try {
            made = customer.make(plan, region);
        } catch (AccountExistsException e) {
            out.println("The demo data of seed " + plan.seed()
                    + " is in this installation already; choose another --seed.");
            return FAILED;
        } catch (IOException | RuntimeException e) {
            log.warn("demo-data failed", e);
            out.println("demo-data failed: " + e.getClass().getSimpleName() + ". What was made so far stays.");
            return FAILED;
        }
        out.printf(
                "Demo customer \"%s\" (seed %d) in region %s: group %s, %d styles.%n",
                plan.groupName(),
                plan.seed(),
                region,
                made.groupId(),
                made.styleIds().size());
        out.println("Members (the passwords are shown this once):");
        for (DemoCustomer.Account account : made.accounts()) {
            out.printf("  %-20s %-28s %s%n", account.role(), account.username(), account.password());
        }
        out.println("Share links (valid " + DemoCustomer.LINK_LIFETIME.toDays() + " days):");
        for (String token : made.linkTokens()) {
            out.println("  " + publicUrl.resolve("/s/" + token));
        }
        return DONE;
    }
}
