package io.selvedge.monitoring.internal.routing;

import java.util.UUID;

/** An installation team alerts are routed to; {@code slug} names it in rules and pages. */
public record Team(UUID id, String slug, String name) {

    static final UUID SECURITY = UUID.fromString("5e1ed9e0-0000-4000-8000-000000000001");
    static final UUID OPERATIONS = UUID.fromString("5e1ed9e0-0000-4000-8000-000000000002");
    static final UUID NETWORK = UUID.fromString("5e1ed9e0-0000-4000-8000-000000000003");
}
