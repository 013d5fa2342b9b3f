package io.selvedge.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

class JsonInputTest {

    record StylePatch(String name, List<String> tags, Boolean archived, Integer limit) {}

    private final JsonMapper json = JsonInput.strict(JsonMapper.builder()).build();

    @Test
    void aNumberOrABooleanWhereTextBelongsIsTheClientsMistake() {
        for (String body :
                List.of("{\"name\": 12345}", "{\"tags\": [12345]}", "{\"tags\": [1.5]}", "{\"name\": true}")) {
            assertThatThrownBy(() -> json.readValue(body, StylePatch.class))
                    .as(body)
                    .isInstanceOf(JacksonException.class);
        }
    }

    @Test
    void textNumbersAndBooleansOfTheRightTypeAreRead() {
        assertThat(json.readValue(
                        "{\"name\": \"12345\", \"tags\": [\"denim\"], \"archived\": true, \"limit\": 5}",
                        StylePatch.class))
                .isEqualTo(new StylePatch("12345", List.of("denim"), true, 5));
    }
}
