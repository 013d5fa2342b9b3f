@org.jspecify.annotations.NullMarked
package io.selvedge.backup.internal;
