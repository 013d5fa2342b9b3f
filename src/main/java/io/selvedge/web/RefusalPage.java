package io.selvedge.web;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The page a web controller's refusals are shown on (on the controller, or on its package for all of them):
 * {@link RefusalPages} renders this template with the refusal's status, for the statuses named here. The
 * model holds {@code status} and {@code detail}; any other refusal answers a problem document.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.TYPE, ElementType.PACKAGE})
public @interface RefusalPage {

    /** The template. */
    String value();

    /** The statuses the page says. */
    int[] statuses() default {404};

    /** The page's address carries a secret: the answer keeps it from referrers, search engines and caches. */
    boolean secretInAddress() default false;
}
