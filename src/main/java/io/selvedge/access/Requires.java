package io.selvedge.access;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The permission a handler needs: the action, and the path variable that names its target. Enforced
 * before the handler runs by the access module's interceptor, through {@link Authorization#require}.
 * Every handler states its permission: this, or {@link io.selvedge.platform.AnyCaller} for those open to
 * any caller the filter chain lets through; a test fails for a handler with neither, and a request to one
 * is refused.
 */
@Documented
@Target(ElementType.METHOD)
@Retention(RetentionPolicy.RUNTIME)
public @interface Requires {

    /**
     * The action; or several, one per level, when the target may be of several levels (the members of a
     * group, a company or a brand): the first that applies on the target's level is required, and a target
     * on which none applies is not found.
     */
    Action[] value();

    /** The name of the path variable holding the target's id. */
    String target();
}
