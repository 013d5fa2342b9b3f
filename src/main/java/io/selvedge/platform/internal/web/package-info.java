@org.jspecify.annotations.NullMarked
package io.selvedge.platform.internal.web;
