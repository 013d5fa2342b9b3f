@org.jspecify.annotations.NullMarked
package io.selvedge.access.internal;
