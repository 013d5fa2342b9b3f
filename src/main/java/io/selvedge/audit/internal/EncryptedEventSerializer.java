package io.selvedge.audit.internal;

import io.selvedge.crypto.EncryptedColumn;
import io.selvedge.crypto.EncryptedTable;
import io.selvedge.crypto.FieldCiphers;
import io.selvedge.storage.OutboxSerializer;
import java.util.UUID;
import lombok.RequiredArgsConstructor;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.modulith.events.core.EventSerializer;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * The outbox's serialiser: events as JSON, encrypted before they reach an {@code event_publication}
 * table, since audited events carry client addresses and user agents. A group's event is encrypted under
 * the group's field key (it rests in the group's region, and is shredded with the group's keys); any
 * other under the global directory's. A publication written before this (plain JSON, or under the
 * directory's key) still reads.
 */
@Component
@RequiredArgsConstructor
class EncryptedEventSerializer implements EventSerializer, OutboxSerializer {

    static final String PREFIX = "enc:v1:";
    /** The outbox's encrypted column, declared once; bound to the group's id, or to {@link #ROW}. */
    private static final EncryptedColumn EVENT =
            EncryptedTable.named("event_publication").column("serialized_event");

    private static final String ROW = "outbox";

    // Lazily: the ciphers' keysets publish events (a failed decryption), whose registry needs this.
    private final ObjectProvider<FieldCiphers> ciphers;
    private final ObjectProvider<JsonMapper> mappers;
    private volatile JsonMapper mapper;

    @Override
    public Object serialize(Object event) {
        return serialize(event, null);
    }

    @Override
    public String serialize(Object event, @Nullable UUID groupId) {
        String json = mapper().writeValueAsString(event);
        if (groupId != null) {
            return PREFIX + EVENT.encrypt(ciphers.getObject().of(groupId), json, groupId);
        }
        return PREFIX + EVENT.encrypt(ciphers.getObject().directory(), json, ROW);
    }

    @Override
    public <T> T deserialize(Object serialized, Class<T> type) {
        return deserialize(serialized.toString(), type, null);
    }

    @Override
    public <T> T deserialize(String text, Class<T> type, @Nullable UUID groupId) {
        if (groupId != null) {
            String json = EVENT.decrypt(ciphers.getObject().of(groupId), text.substring(PREFIX.length()), groupId);
            return mapper().readValue(json, type);
        }
        String json = text.startsWith(PREFIX)
                ? EVENT.decrypt(ciphers.getObject().directory(), text.substring(PREFIX.length()), ROW)
                : text;
        return mapper().readValue(json, type);
    }

    private JsonMapper mapper() {
        JsonMapper current = mapper;
        if (current == null) {
            current = mappers.getIfAvailable(() -> JsonMapper.builder().build());
            mapper = current;
        }
        return current;
    }
}
