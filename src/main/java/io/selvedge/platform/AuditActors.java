package io.selvedge.platform;

/**
 * Who is acting on this thread, for the events a module publishes: the signed-in account (session or API
 * token), or the system outside a request. The identity module provides it; a publisher asks it when it
 * makes an event.
 */
public interface AuditActors {

    AuditActor current();
}
