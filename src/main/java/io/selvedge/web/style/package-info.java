/** The style pages; a style, version, comment or link that is not there is a page, 404. */
@io.selvedge.web.RefusalPage("style/not-found")
@org.jspecify.annotations.NullMarked
package io.selvedge.web.style;
