package io.selvedge.identity;

import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.StringUtils;

/**
 * {@code SELVEDGE_BOOTSTRAP_ADMIN_USERNAME}, {@code _PASSWORD} and optionally {@code _EMAIL}: the first
 * platform admin, if none exists.
 */
@ConfigurationProperties("selvedge.bootstrap")
public record BootstrapProperties(@DefaultValue Admin admin) {

    public record Admin(
            @Nullable String username,
            @Nullable String password,
            @Nullable String email) {

        public boolean isConfigured() {
            return StringUtils.hasText(username) && StringUtils.hasText(password);
        }

        @Override
        public String toString() {
            return "Admin[username=" + username + ", password=(hidden), email=" + (email == null ? "none" : "(set)")
                    + "]";
        }
    }
}
