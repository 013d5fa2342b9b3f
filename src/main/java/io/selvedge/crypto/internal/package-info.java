@org.jspecify.annotations.NullMarked
package io.selvedge.crypto.internal;
