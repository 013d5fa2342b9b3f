package io.selvedge.access;

import java.util.Optional;
import java.util.UUID;

/**
 * Finds where an id is, for the decision point: the group and the path from the group down to the id.
 * Access knows the tree's nodes (through tenancy); another module adds its own resources (content adds
 * styles, whose parent is a workroom) by declaring a bean of this type. Locators are asked in
 * {@link org.springframework.core.annotation.Order} order; the first that knows the id answers.
 *
 * <p>Contract: never null; empty for an id this locator does not know; ids and levels only, nothing
 * decrypted; a deleted but restorable resource is still located (so it can be restored), flagged.
 */
public interface ResourceLocator {

    Optional<ResourcePath> locate(UUID id);
}
