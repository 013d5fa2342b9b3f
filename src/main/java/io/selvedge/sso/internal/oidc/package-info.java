@org.jspecify.annotations.NullMarked
package io.selvedge.sso.internal.oidc;
