package io.selvedge.platform;

/**
 * A marker bean that exists once every store has been opened, checked against this node's environment
 * and migrated. Whatever must not happen before that (opening a port) depends on it.
 */
public interface StoresReady {}
