package io.selvedge.platform.internal;

import io.selvedge.platform.PlatformProperties;
import lombok.RequiredArgsConstructor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/** Says, once the server is ready, where people and operators reach it. */
@Component
@ConditionalOnWebApplication
@RequiredArgsConstructor
class ReadyAnnouncement {

    private static final Logger log = LoggerFactory.getLogger(ReadyAnnouncement.class);

    private final PlatformProperties properties;

    @EventListener
    void ready(ApplicationReadyEvent event) {
        int port = event.getApplicationContext() instanceof WebServerApplicationContext web
                ? web.getWebServer().getPort()
                : properties.port();
        log.info(
                "Selvedge ({} environment) is ready on https port {}; people reach it at {}",
                properties.environment().id(),
                port,
                properties.publicUrl());
    }
}
