@org.jspecify.annotations.NullMarked
package io.selvedge.content.internal;
