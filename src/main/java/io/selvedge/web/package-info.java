/**
 * The web pages, server-rendered.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = {"platform", "identity", "access"})
package io.selvedge.web;
