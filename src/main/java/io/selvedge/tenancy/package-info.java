/**
 * Groups and their tree: companies, brands, seasons and workrooms, each group's rows in its region,
 * names encrypted under the group's keys.
 *
 * <p>Public API: {@link io.selvedge.tenancy.Groups} (create and read a group),
 * {@link io.selvedge.tenancy.Tree} (create, rename, move, delete, restore and list the nodes below a
 * group), their value types, and the events {@link io.selvedge.tenancy.GroupCreated},
 * {@link io.selvedge.tenancy.NodeCreated}, {@link io.selvedge.tenancy.NodeRenamed},
 * {@link io.selvedge.tenancy.NodeMoved}, {@link io.selvedge.tenancy.NodeDeleted},
 * {@link io.selvedge.tenancy.NodeRestored} and {@link io.selvedge.tenancy.NodePurged}, published inside
 * the transaction that made the change. Events carry ids, never names.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = {"platform", "storage", "crypto"})
@org.jspecify.annotations.NullMarked
package io.selvedge.tenancy;
