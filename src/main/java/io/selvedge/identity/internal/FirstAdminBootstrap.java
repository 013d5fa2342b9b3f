package io.selvedge.identity.internal;

import io.selvedge.identity.BootstrapProperties;
import io.selvedge.identity.PasswordRejectedException;
import io.selvedge.platform.Commands;
import io.selvedge.platform.OwnerOnlyFiles;
import io.selvedge.platform.PlatformProperties;
import io.selvedge.platform.StartupRefusedException;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.stereotype.Component;

/**
 * At start, makes sure someone can sign in: with no platform admin yet, creates one from the bootstrap
 * settings, or else issues a one-time setup link, prints it and writes it to a file only the owner may
 * read. In production the link is not printed (logs travel far), only the file's place.
 */
@Component
@ConditionalOnProperty(name = Commands.COMMAND_PROPERTY, havingValue = Commands.SERVE, matchIfMissing = true)
class FirstAdminBootstrap implements ApplicationRunner {

    static final String LINK_FILE = "setup-link.txt";

    private static final Logger log = LoggerFactory.getLogger(FirstAdminBootstrap.class);

    private final FirstAdmin firstAdmin;
    private final SetupLinks links;
    private final BootstrapProperties bootstrap;
    private final PlatformProperties platform;
    private final PrintStream console;

    FirstAdminBootstrap(
            FirstAdmin firstAdmin, SetupLinks links, BootstrapProperties bootstrap, PlatformProperties platform) {
        this.firstAdmin = firstAdmin;
        this.links = links;
        this.bootstrap = bootstrap;
        this.platform = platform;
        this.console = System.out;
    }

    @Override
    public void run(ApplicationArguments arguments) {
        Path linkFile = platform.dataDir().resolve(LINK_FILE);
        if (!firstAdmin.needed()) {
            deleteQuietly(linkFile);
            return;
        }
        BootstrapProperties.Admin admin = bootstrap.admin();
        if (admin.isConfigured()) {
            createFromSettings(admin);
            deleteQuietly(linkFile);
            return;
        }
        String link = platform.publicUrl().toString().replaceAll("/+$", "") + "/setup/" + links.issue();
        try {
            OwnerOnlyFiles.write(linkFile, link + "\n");
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write the setup link to " + linkFile, e);
        }
        // Production output is JSON for machines, one event per line: the log event alone says where the link is.
        if (!platform.environment().isProduction()) {
            console.printf(
                    "%n  Selvedge has no admin yet. Open this one-time link within an hour to create one:%n  %s%n"
                            + "  (also in %s, readable only by this user; restart the server for a new link)%n%n",
                    link, linkFile.toAbsolutePath());
        }
        log.info(
                "No platform admin yet: a one-time setup link, valid for an hour, was written to {}"
                        + " (readable only by this user)",
                linkFile.toAbsolutePath());
    }

    private void createFromSettings(BootstrapProperties.Admin admin) {
        try {
            firstAdmin.createFromBootstrapSettings(admin.username(), admin.password(), admin.email());
        } catch (PasswordRejectedException e) {
            throw new StartupRefusedException(
                    "SELVEDGE_BOOTSTRAP_ADMIN_PASSWORD does not meet the password policy: " + e.getMessage(),
                    "Choose a longer password for the bootstrap admin.");
        } catch (IllegalArgumentException e) {
            throw new StartupRefusedException(
                    "SELVEDGE_BOOTSTRAP_ADMIN_USERNAME or _EMAIL is not valid: " + e.getMessage(),
                    "Choose another username, or a valid e-mail address, for the bootstrap admin.");
        }
        log.info("Created the first platform admin '{}' from the bootstrap settings", admin.username());
    }

    private static void deleteQuietly(Path file) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            log.warn("Cannot delete the spent setup link file {}", file);
        }
    }
}
