package io.selvedge.audit.internal;

import io.selvedge.crypto.FieldCiphers;
import io.selvedge.storage.OutboxSerializer;
import java.util.UUID;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.lang.Nullable;
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
class EncryptedEventSerializer implements EventSerializer, OutboxSerializer {

    static final String PREFIX = "enc:v1:";
    private static final String TABLE = "event_publication";
    private static final String COLUMN = "serialized_event";
    private static final String ROW = "outbox";

    // Lazily: the ciphers' keysets publish events (a failed decryption), whose registry needs this.
    private final ObjectProvider<FieldCiphers> ciphers;
    private final ObjectProvider<JsonMapper> mappers;
    private volatile JsonMapper mapper;

    EncryptedEventSerializer(ObjectProvider<FieldCiphers> ciphers, ObjectProvider<JsonMapper> mappers) {
        this.ciphers = ciphers;
        this.mappers = mappers;
    }

    @Override
    public Object serialize(Object event) {
        return serialize(event, null);
    }

    @Override
    public String serialize(Object event, @Nullable UUID groupId) {
        String json = mapper().writeValueAsString(event);
        if (groupId != null) {
            return PREFIX + ciphers.getObject().of(groupId).encryptText(json, TABLE, COLUMN, groupId.toString());
        }
        return PREFIX + ciphers.getObject().directory().encryptText(json, TABLE, COLUMN, ROW);
    }

    @Override
    public <T> T deserialize(Object serialized, Class<T> type) {
        return deserialize(serialized.toString(), type, null);
    }

    @Override
    public <T> T deserialize(String text, Class<T> type, @Nullable UUID groupId) {
        if (groupId != null) {
            String json = ciphers.getObject()
                    .of(groupId)
                    .decryptText(text.substring(PREFIX.length()), TABLE, COLUMN, groupId.toString());
            return mapper().readValue(json, type);
        }
        String json = text.startsWith(PREFIX)
                ? ciphers.getObject().directory().decryptText(text.substring(PREFIX.length()), TABLE, COLUMN, ROW)
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
