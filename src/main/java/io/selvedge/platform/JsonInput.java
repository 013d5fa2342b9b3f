package io.selvedge.platform;

import tools.jackson.databind.cfg.CoercionAction;
import tools.jackson.databind.cfg.CoercionInputShape;
import tools.jackson.databind.cfg.MapperBuilder;
import tools.jackson.databind.type.LogicalType;

/**
 * How JSON bodies are read: a number or a boolean where the request has text is the client's mistake
 * (400), not text Jackson makes up ({@code "tags": [12345]} would otherwise store the tag "12345").
 * Applied to the server's mapper and to the fuzz tests' one, so both read bodies alike.
 */
public final class JsonInput {

    private JsonInput() {}

    public static <B extends MapperBuilder<?, B>> B strict(B builder) {
        return builder.withCoercionConfig(
                LogicalType.Textual,
                text -> text.setCoercion(CoercionInputShape.Integer, CoercionAction.Fail)
                        .setCoercion(CoercionInputShape.Float, CoercionAction.Fail)
                        .setCoercion(CoercionInputShape.Boolean, CoercionAction.Fail));
    }
}
