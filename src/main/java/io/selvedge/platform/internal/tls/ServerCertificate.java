package io.selvedge.platform.internal.tls;

import io.selvedge.platform.EveryNode;
import io.selvedge.platform.PlatformProperties;
import io.selvedge.platform.StoresReady;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.autoconfigure.ssl.SslBundleRegistrar;
import org.springframework.boot.ssl.SslBundleRegistry;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Registers the server's certificate as the SSL bundle {@value #BUNDLE} that both the HTTPS and the
 * management connectors use, and swaps in a renewed certificate without a restart once its files have
 * stayed unchanged for the quiet period (so a half-copied file is never loaded).
 */
@Component
@ConditionalOnWebApplication
class ServerCertificate implements SslBundleRegistrar {

    static final String BUNDLE = "selvedge";

    private static final Logger log = LoggerFactory.getLogger(ServerCertificate.class);

    private final ServerCertificateLoader loader;
    private final PlatformProperties properties;
    private final Clock clock;
    private SslBundleRegistry registry;
    private List<String> loadedFingerprint = List.of();
    private List<String> pendingFingerprint = List.of();
    private Instant pendingSince = Instant.EPOCH;

    /**
     * Takes the stores so that they are opened and their environment stamps checked before the web
     * server asks for its certificate: a node that must refuse to start never opens a port.
     */
    ServerCertificate(PlatformProperties properties, ObjectProvider<StoresReady> storesReady) {
        storesReady.ifAvailable(ready -> {});
        this.properties = properties;
        this.loader = new ServerCertificateLoader(properties);
        this.clock = Clock.systemUTC();
    }

    @Override
    public synchronized void registerBundles(SslBundleRegistry bundleRegistry) {
        this.registry = bundleRegistry;
        bundleRegistry.registerBundle(BUNDLE, loader.load());
        loadedFingerprint = fingerprint();
    }

    @EveryNode("each node serves the certificate it loaded itself")
    @Scheduled(fixedDelayString = "${selvedge.tls.reload-check-interval:1s}")
    synchronized void reloadWhenRenewed() {
        if (registry == null) {
            return;
        }
        List<String> current = fingerprint();
        if (current.equals(loadedFingerprint)) {
            return;
        }
        Instant now = clock.instant();
        if (!current.equals(pendingFingerprint)) {
            pendingFingerprint = current;
            pendingSince = now;
            return;
        }
        if (now.isBefore(pendingSince.plus(properties.tls().reloadQuietPeriod()))) {
            return;
        }
        try {
            registry.updateBundle(BUNDLE, loader.load());
            loadedFingerprint = current;
            log.info("Loaded the renewed TLS certificate from {}", loader.watchedFiles());
        } catch (RuntimeException e) {
            loadedFingerprint = current; // do not retry a broken file every second; the old one keeps serving
            log.error(
                    "The renewed TLS certificate cannot be loaded; the previous one stays in use: {}", e.getMessage());
        }
    }

    private List<String> fingerprint() {
        List<String> parts = new ArrayList<>();
        for (Path file : loader.watchedFiles()) {
            try {
                parts.add(file + ":" + Files.getLastModifiedTime(file).toMillis() + ":" + Files.size(file));
            } catch (IOException e) {
                parts.add(file + ":missing");
            }
        }
        return parts;
    }
}
