@org.jspecify.annotations.NullMarked
package io.selvedge.web.account;
