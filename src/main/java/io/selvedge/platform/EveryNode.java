package io.selvedge.platform;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * A scheduled job that must run on every node, not on one at a time as every other job does (its work is the
 * node's own, such as reloading the certificate this node serves). {@code value}: why.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
public @interface EveryNode {
    String value();
}
