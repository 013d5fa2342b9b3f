package io.selvedge.web;

/** One step of a page's breadcrumbs: what it is called and where it leads (a path in the application). */
public record Crumb(String label, String href) {}
