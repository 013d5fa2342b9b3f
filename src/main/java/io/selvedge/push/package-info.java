/**
 * {@code push}: the command-line client that publishes files (a CLO export folder, a script's output) as
 * new versions of a style over the server's tus endpoints. It is a client: it starts no application
 * context and opens no store, and {@link io.selvedge.SelvedgeApplication} runs it before Spring starts.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = {})
@org.jspecify.annotations.NullMarked
package io.selvedge.push;
