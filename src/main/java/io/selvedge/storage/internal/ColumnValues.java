package io.selvedge.storage.internal;

import java.math.BigDecimal;
import java.sql.Array;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.util.Base64;
import java.util.Locale;
import java.util.UUID;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;

/**
 * How a backup writes a column's value as JSON and binds it back, the same on H2 and PostgreSQL: bytes
 * (ciphertexts) as Base64, times as ISO-8601, uuids as text. The kind is read from the column's type on
 * each side, so a backup of one database restores into the other.
 */
enum ColumnValues {
    UUID_TEXT,
    BYTES,
    BOOLEAN,
    INTEGER,
    DECIMAL,
    DOUBLE,
    TIMESTAMP_TZ,
    TIMESTAMP,
    DATE,
    TIME,
    /** An array of integers (search tokens), as a JSON array. */
    INTEGER_ARRAY,
    TEXT;

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    static ColumnValues of(int jdbcType, String typeName) {
        String name = typeName.toLowerCase(Locale.ROOT);
        if (name.equals("uuid")) {
            return UUID_TEXT;
        }
        if (jdbcType == Types.TIMESTAMP_WITH_TIMEZONE || name.equals("timestamptz") || name.contains("time zone")) {
            return name.startsWith("time ") || name.equals("timetz") ? TEXT : TIMESTAMP_TZ;
        }
        return switch (jdbcType) {
            case Types.ARRAY -> INTEGER_ARRAY;
            case Types.BINARY, Types.VARBINARY, Types.LONGVARBINARY, Types.BLOB -> BYTES;
            case Types.BOOLEAN, Types.BIT -> BOOLEAN;
            case Types.TINYINT, Types.SMALLINT, Types.INTEGER, Types.BIGINT -> INTEGER;
            case Types.NUMERIC, Types.DECIMAL -> DECIMAL;
            case Types.REAL, Types.FLOAT, Types.DOUBLE -> DOUBLE;
            case Types.TIMESTAMP -> TIMESTAMP;
            case Types.DATE -> DATE;
            case Types.TIME -> TIME;
            default -> TEXT;
        };
    }

    /** The value of column {@code i} of the current row, JSON null for SQL NULL. */
    JsonNode read(ResultSet row, int i) throws SQLException {
        Object value = switch (this) {
            case UUID_TEXT -> row.getObject(i);
            case BYTES -> {
                byte[] bytes = row.getBytes(i);
                yield bytes == null ? null : Base64.getEncoder().encodeToString(bytes);
            }
            case BOOLEAN -> row.getObject(i) == null ? null : row.getBoolean(i);
            case INTEGER -> row.getObject(i) == null ? null : row.getLong(i);
            case DECIMAL -> {
                BigDecimal decimal = row.getBigDecimal(i);
                yield decimal == null ? null : decimal.toPlainString();
            }
            case DOUBLE -> row.getObject(i) == null ? null : row.getDouble(i);
            case TIMESTAMP_TZ -> row.getObject(i, OffsetDateTime.class);
            case TIMESTAMP -> row.getObject(i, LocalDateTime.class);
            case DATE -> row.getObject(i, LocalDate.class);
            case TIME -> row.getObject(i, LocalTime.class);
            case INTEGER_ARRAY -> {
                Array array = row.getArray(i);
                if (array == null) {
                    yield null;
                }
                ArrayNode numbers = NODES.arrayNode();
                for (Object element : (Object[]) array.getArray()) {
                    numbers.add(((Number) element).longValue());
                }
                yield numbers;
            }
            case TEXT -> row.getString(i);
        };
        if (value instanceof JsonNode node) {
            return node;
        }
        if (value == null) {
            return NODES.nullNode();
        }
        if (value instanceof Boolean b) {
            return NODES.booleanNode(b);
        }
        if (value instanceof Long l) {
            return NODES.numberNode(l);
        }
        if (value instanceof Double d) {
            return NODES.numberNode(d);
        }
        return NODES.stringNode(value.toString());
    }

    /** Binds a value written by {@link #read} to parameter {@code i}, as this kind of column takes it. */
    void bind(PreparedStatement statement, int i, JsonNode value, int jdbcType, String typeName) throws SQLException {
        if (value == null || value.isNull() || value.isMissingNode()) {
            statement.setNull(i, this == UUID_TEXT ? Types.OTHER : jdbcType);
            return;
        }
        switch (this) {
            case UUID_TEXT -> statement.setObject(i, UUID.fromString(value.asString()));
            case BYTES -> statement.setBytes(i, Base64.getDecoder().decode(value.asString()));
            case BOOLEAN -> statement.setBoolean(i, value.asBoolean());
            case INTEGER -> statement.setLong(i, value.asLong());
            case DECIMAL -> statement.setBigDecimal(i, new BigDecimal(value.asString()));
            case DOUBLE -> statement.setDouble(i, value.asDouble());
            case TIMESTAMP_TZ -> statement.setObject(i, OffsetDateTime.parse(value.asString()));
            case TIMESTAMP -> statement.setObject(i, LocalDateTime.parse(value.asString()));
            case DATE -> statement.setObject(i, LocalDate.parse(value.asString()));
            case TIME -> statement.setObject(i, LocalTime.parse(value.asString()));
            case INTEGER_ARRAY -> {
                Integer[] elements = new Integer[value.size()];
                for (int e = 0; e < elements.length; e++) {
                    elements[e] = value.get(e).asInt();
                }
                statement.setArray(i, statement.getConnection().createArrayOf(elementType(typeName), elements));
            }
            case TEXT -> statement.setString(i, value.asString());
        }
    }

    /** The element type of an array column: PostgreSQL names {@code _int2}, H2 {@code SMALLINT ARRAY}. */
    private static String elementType(String arrayTypeName) {
        String name = arrayTypeName.strip();
        if (name.startsWith("_")) {
            return name.substring(1);
        }
        return name.toUpperCase(Locale.ROOT).endsWith(" ARRAY")
                ? name.substring(0, name.length() - " ARRAY".length())
                : name;
    }
}
