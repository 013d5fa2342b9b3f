package io.selvedge.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import io.selvedge.platform.JsonInput;
import io.selvedge.testing.SelvedgeClasses;
import jakarta.validation.Validation;
import jakarta.validation.Validator;
import jakarta.validation.ValidatorFactory;
import java.lang.reflect.Method;
import java.lang.reflect.Parameter;
import java.lang.reflect.Type;
import java.util.Comparator;
import java.util.List;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.RequestBody;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JavaType;
import tools.jackson.databind.json.JsonMapper;

/**
 * Every JSON body the API and the web pages take ({@code @RequestBody} of any controller, found by scanning,
 * so a new endpoint is fuzzed without being listed): any bytes either bind to the request record or fail
 * as a {@link JacksonException} (which answers 400); validating what bound never throws; and a record
 * that binds and validates is written and read back as the same record. The first byte of an input picks
 * the type (in the order of their names), the rest is the body. Corpus: {@code RequestBodiesFuzzTestInputs/}.
 */
class RequestBodiesFuzzTest {

    private static final JsonMapper JSON = JsonInput.strict(
                    JsonMapper.builder().disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES))
            .build();
    private static final ValidatorFactory VALIDATION = Validation.buildDefaultValidatorFactory();
    private static final Validator VALIDATOR = VALIDATION.getValidator();
    private static final List<JavaType> BODIES = requestBodies();

    @FuzzTest
    void anyBodyBindsOrIsRefusedAsMalformedAndWhatBindsRoundTrips(FuzzedDataProvider data) {
        JavaType type = BODIES.get(data.consumeInt(0, BODIES.size() - 1));
        byte[] body = data.consumeRemainingAsBytes();
        Object bound;
        try {
            bound = JSON.readValue(body, type);
        } catch (JacksonException malformed) {
            return;
        }
        if (bound == null || !VALIDATOR.validate(bound).isEmpty()) {
            return;
        }
        assertThat((Object) JSON.readValue(JSON.writeValueAsBytes(bound), type))
                .as("%s read back", type)
                .isEqualTo(bound);
    }

    @Test
    void theScanFindsTheBodiesOfTheApi() {
        assertThat(BODIES)
                .extracting(JavaType::getRawClass)
                .extracting(Class::getSimpleName)
                .contains("NewStyle", "NewInvitation", "PolicyRequest", "ShareRequest");
    }

    private static List<JavaType> requestBodies() {
        TreeMap<String, JavaType> bodies = new TreeMap<>();
        SelvedgeClasses.annotatedWith("io.selvedge", Controller.class).forEach(controller -> {
            for (Method method : controller.getDeclaredMethods()) {
                Parameter[] parameters = method.getParameters();
                Type[] types = method.getGenericParameterTypes();
                for (int i = 0; i < parameters.length; i++) {
                    if (parameters[i].isAnnotationPresent(RequestBody.class)) {
                        JavaType type = JSON.constructType(types[i]);
                        bodies.put(type.toCanonical(), type);
                    }
                }
            }
        });
        return bodies.values().stream()
                .sorted(Comparator.comparing(JavaType::toCanonical))
                .toList();
    }
}
