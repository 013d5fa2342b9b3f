package io.selvedge.platform;

/**
 * A page controller outside {@code io.selvedge.web} whose views use the shared {@code layout.html}: the web
 * module's layout advice gives its views the layout's model (signed-in state, the staff access banner, the
 * header's counts) as it does to its own pages. REST controllers never implement it, so the API pays nothing.
 */
public interface LaidOutPage {}
