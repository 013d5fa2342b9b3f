package io.selvedge.identity.internal;

import io.selvedge.crypto.CiphertextTamperedException;
import io.selvedge.crypto.EncryptedColumn;
import io.selvedge.crypto.EncryptedTable;
import io.selvedge.crypto.FieldCiphers;
import io.selvedge.crypto.KeysDestroyedException;
import org.springframework.core.convert.support.GenericConversionService;
import org.springframework.core.serializer.support.DeserializingConverter;
import org.springframework.core.serializer.support.SerializingConverter;

/**
 * How Spring Session JDBC turns a web session's attributes into {@code spring_session_attributes.attribute_bytes}
 * and back: Java serialisation, then Tink AEAD under the directory keys. The security context (the
 * username, the sign-in's client address) thus rests encrypted. An attribute that does not decrypt (stored
 * in clear before this cipher, or under keys since destroyed, or altered: the cipher's tamper alarm rings)
 * reads as absent, so its owner signs in again instead of meeting an error.
 *
 * <p>Spring Session hands a converter the value alone, not the session or the attribute's name, so the
 * associated data names the column only: a ciphertext moved to another column fails, one moved to another
 * session row does not (see {@link #ROW}).
 */
final class SessionAttributeCipher {

    /** Spring Session's attribute table, its one encrypted (binary) column declared once. */
    static final EncryptedTable TABLE = EncryptedTable.named("spring_session_attributes");

    static final EncryptedColumn COLUMN = TABLE.column("attribute_bytes");

    /** The row is unknown to a converter (see above): one fixed placement for every attribute. */
    static final String ROW = "*";

    /** The first bytes of Java serialisation's stream header: an attribute stored in clear. */
    private static final byte STREAM_MAGIC_0 = (byte) 0xAC;

    private static final byte STREAM_MAGIC_1 = (byte) 0xED;

    private SessionAttributeCipher() {}

    /** The conversion service that serialises then encrypts, and decrypts then deserialises. */
    static GenericConversionService conversionService(FieldCiphers ciphers) {
        SerializingConverter serializer = new SerializingConverter();
        DeserializingConverter deserializer = new DeserializingConverter(SessionAttributeCipher.class.getClassLoader());
        GenericConversionService service = new GenericConversionService();
        service.addConverter(
                Object.class,
                byte[].class,
                value -> COLUMN.encryptBytes(ciphers.directory(), serializer.convert(value), ROW));
        service.addConverter(byte[].class, Object.class, stored -> {
            if (storedInClear(stored)) {
                return null;
            }
            try {
                return deserializer.convert(COLUMN.decryptBytes(ciphers.directory(), stored, ROW));
            } catch (CiphertextTamperedException | KeysDestroyedException e) {
                return null;
            }
        });
        return service;
    }

    private static boolean storedInClear(byte[] stored) {
        return stored.length >= 2 && stored[0] == STREAM_MAGIC_0 && stored[1] == STREAM_MAGIC_1;
    }
}
