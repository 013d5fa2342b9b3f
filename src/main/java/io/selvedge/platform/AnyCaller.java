package io.selvedge.platform;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * States that a handler checks no permission on a resource: any caller the security filter chain lets
 * through may call it (sign-in and setup pages, {@code /me}, token creation, health...). The access
 * module refuses a request to a handler that states neither this nor {@code access.Requires}.
 */
@Documented
@Target({ElementType.METHOD, ElementType.TYPE})
@Retention(RetentionPolicy.RUNTIME)
public @interface AnyCaller {

    /** Why the handler is open to any caller, and what limits it instead. */
    String value();
}
