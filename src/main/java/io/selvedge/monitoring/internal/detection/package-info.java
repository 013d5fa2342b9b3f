@org.jspecify.annotations.NullMarked
package io.selvedge.monitoring.internal.detection;
