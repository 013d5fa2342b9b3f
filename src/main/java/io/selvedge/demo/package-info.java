/**
 * Demo data: {@code java -jar selvedge.jar demo-data [--seed N]} makes a synthetic customer (a group, its
 * tree, styles whose versions are generated garments, comments, approvals, members of every role and share
 * links) through the other modules' own services, in development and test only.
 */
@org.springframework.modulith.ApplicationModule(
        allowedDependencies = {"platform", "identity", "access", "tenancy", "content", "collab", "storage"})
@org.jspecify.annotations.NullMarked
package io.selvedge.demo;
