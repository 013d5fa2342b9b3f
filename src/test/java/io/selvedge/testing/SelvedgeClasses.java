package io.selvedge.testing;

import java.lang.annotation.Annotation;
import java.util.List;
import org.springframework.context.annotation.ClassPathScanningCandidateComponentProvider;
import org.springframework.core.type.filter.AnnotationTypeFilter;
import org.springframework.util.ClassUtils;

/** The application's own classes, found on the class path, for tests that check a rule over all of them. */
public final class SelvedgeClasses {

    private SelvedgeClasses() {}

    /** Every class under {@code basePackage} that carries {@code annotation} (or one annotated with it). */
    public static List<Class<?>> annotatedWith(String basePackage, Class<? extends Annotation> annotation) {
        ClassPathScanningCandidateComponentProvider scanner = new ClassPathScanningCandidateComponentProvider(false);
        scanner.addIncludeFilter(new AnnotationTypeFilter(annotation));
        return scanner.findCandidateComponents(basePackage).stream()
                .<Class<?>>map(candidate -> ClassUtils.resolveClassName(candidate.getBeanClassName(), null))
                .toList();
    }
}
