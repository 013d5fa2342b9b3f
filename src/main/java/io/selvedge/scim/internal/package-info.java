@org.jspecify.annotations.NullMarked
package io.selvedge.scim.internal;
