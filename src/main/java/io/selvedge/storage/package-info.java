/**
 * The regional and global stores: databases and blob stores (local folder or S3), stamped with their
 * environment. A group's data is reached only through {@link io.selvedge.storage.GroupDataPlanes}, bound
 * to the group's region; {@link io.selvedge.storage.ResidencyReports} proves where it is.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = {"platform"})
@org.jspecify.annotations.NullMarked
package io.selvedge.storage;
