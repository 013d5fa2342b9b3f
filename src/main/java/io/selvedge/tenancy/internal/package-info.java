@org.jspecify.annotations.NullMarked
package io.selvedge.tenancy.internal;
