@org.jspecify.annotations.NullMarked
package io.selvedge.identity.internal;
