package io.selvedge.audit.internal;

import io.selvedge.crypto.FieldCiphers;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.modulith.events.core.EventSerializer;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * The outbox's serialiser: events as JSON, encrypted under the global directory's field key before they
 * reach the {@code event_publication} table, since audited events carry client addresses, user agents and
 * group ids. A publication written before this (plain JSON) still reads.
 */
@Component
class EncryptedEventSerializer implements EventSerializer {

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
        String json = mapper().writeValueAsString(event);
        return PREFIX + ciphers.getObject().directory().encryptText(json, TABLE, COLUMN, ROW);
    }

    @Override
    public <T> T deserialize(Object serialized, Class<T> type) {
        String text = serialized.toString();
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
