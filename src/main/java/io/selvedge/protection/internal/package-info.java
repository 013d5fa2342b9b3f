@org.jspecify.annotations.NullMarked
package io.selvedge.protection.internal;
