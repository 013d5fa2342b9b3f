package io.selvedge.access.internal;

import io.selvedge.access.Requires;
import io.selvedge.access.StatedPermission;
import io.selvedge.access.StatedPermissions;
import io.selvedge.platform.AnyCaller;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import lombok.RequiredArgsConstructor;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

/** The endpoints of every request-mapping handler mapping, with what each handler states. */
@Component
@RequiredArgsConstructor
class HandlerPermissions implements StatedPermissions {

    /** springdoc's handlers (the OpenAPI document), which cannot carry our annotations. */
    private static final String SPRINGDOC = "org.springdoc.";

    private final ObjectProvider<RequestMappingHandlerMapping> mappings;

    @Override
    public List<StatedPermission> endpoints() {
        List<StatedPermission> endpoints = new ArrayList<>();
        mappings.orderedStream().forEach(mapping -> {
            for (Map.Entry<RequestMappingInfo, HandlerMethod> entry :
                    mapping.getHandlerMethods().entrySet()) {
                endpoints.add(stated(entry.getKey(), entry.getValue()));
            }
        });
        endpoints.sort(Comparator.comparing(e -> e.patterns().toString() + e.methods()));
        return endpoints;
    }

    private static StatedPermission stated(RequestMappingInfo info, HandlerMethod method) {
        Requires requires = method.getMethodAnnotation(Requires.class);
        Set<String> methods =
                info.getMethodsCondition().getMethods().stream().map(Enum::name).collect(Collectors.toSet());
        return new StatedPermission(
                methods,
                info.getPatternValues(),
                requires == null ? List.of() : List.of(requires.value()),
                requires == null ? null : requires.target(),
                anyCaller(method),
                method.getBeanType().getName() + "#" + method.getMethod().getName());
    }

    /** The reason of the handler's (or its class's) {@link AnyCaller}, or null. */
    @Nullable
    static String anyCaller(HandlerMethod method) {
        AnyCaller open = method.getMethodAnnotation(AnyCaller.class);
        if (open == null) {
            open = method.getBeanType().getAnnotation(AnyCaller.class);
        }
        if (open == null && method.getBeanType().getName().startsWith(SPRINGDOC)) {
            return "the OpenAPI document of the API, public: it describes the endpoints, never data";
        }
        return open == null ? null : open.value();
    }
}
