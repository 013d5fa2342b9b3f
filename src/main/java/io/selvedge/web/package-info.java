/**
 * The web pages, server-rendered.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = {"platform", "identity"})
package io.selvedge.web;
