package io.selvedge.storage;

import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * Turns events into the text an outbox row keeps, and back. Implemented where the keys are (the audit
 * module encrypts): a group's event under the group's key, so that it rests readable only in its region
 * and is shredded with the group; any other under the directory's. The group is kept beside the text,
 * in the row, never inside it.
 */
public interface OutboxSerializer {

    String serialize(Object event, @Nullable UUID groupId);

    <T> T deserialize(String serialized, Class<T> type, @Nullable UUID groupId);
}
