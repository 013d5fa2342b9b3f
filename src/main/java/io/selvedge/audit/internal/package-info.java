@org.jspecify.annotations.NullMarked
package io.selvedge.audit.internal;
