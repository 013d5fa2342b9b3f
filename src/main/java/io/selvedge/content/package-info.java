/**
 * Styles and their versions (files, resumable uploads, thumbnails, quota), in each group's region, written
 * through the unit of work ({@link io.selvedge.storage.GroupWrites}); comments, approvals and share links
 * are the {@code collab} module's. {@link io.selvedge.content.FileResponses} serves a stored version over HTTP
 * (ranges, ETags, a safe file name) for the API and the share-link pages.
 */
@org.springframework.modulith.ApplicationModule(
        allowedDependencies = {"platform", "storage", "crypto", "access", "tenancy"})
@org.jspecify.annotations.NullMarked
package io.selvedge.content;
