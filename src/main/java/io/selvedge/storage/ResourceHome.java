package io.selvedge.storage;

import java.util.UUID;

/** Where an id lives: its group (and so its region) and what kind of resource it names. Ids only. */
public record ResourceHome(UUID id, UUID groupId, ResourceKind kind) {}
