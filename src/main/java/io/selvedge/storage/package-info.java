/**
 * The regional and global stores: databases and blob folders, stamped with their environment.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = {"platform"})
package io.selvedge.storage;
