package io.selvedge.testing;

import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;

import io.selvedge.storage.Stores;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Locale;
import java.util.UUID;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/**
 * Accounts for tests of the API as customers or staff: a row in the global account table (customer
 * accounts arrive with invitations, another issue), and a request post-processor that calls as that
 * account with the read and write scopes, as a token holder would.
 */
public final class Customers {

    private final JdbcTemplate global;

    public Customers(Stores stores) {
        this.global = new JdbcTemplate(stores.global().dataSource());
    }

    /** A customer account with a fresh username starting with {@code name}. */
    public Account aCustomer(String name) {
        return insert(name, null);
    }

    /** A platform admin (who holds no role in any customer group). */
    public Account aPlatformAdmin(String name) {
        return insert(name, "PLATFORM_ADMIN");
    }

    /** A staff member of the role, named after it. */
    public Staff aStaffMember(String role) {
        return aStaffMember("staff-" + role, role);
    }

    /** A staff member of another role than platform admin, with a fresh username starting with {@code name}. */
    public Staff aStaffMember(String name, String role) {
        Account account = insert(name, role);
        return new Staff(account.id(), account.username(), role);
    }

    private Account insert(String name, String staffRole) {
        UUID id = UUID.randomUUID();
        String username = (name + "-" + id.toString().substring(0, 8)).toLowerCase(Locale.ROOT);
        signingIn(global, id, username, null, staffRole);
        return new Account(id, username, staffRole != null);
    }

    /**
     * An active account row in the global store, as registration writes it: it signs in with the password
     * whose hash is given (none: it cannot), and is staff with the role if one is given (then it enrols in
     * MFA before it may act).
     */
    public static void signingIn(JdbcTemplate global, UUID id, String username, String passwordHash, String staffRole) {
        global.update(
                "insert into account (id, username, password_hash, staff_role, status, created_at)"
                        + " values (?, ?, ?, ?, 'ACTIVE', ?)",
                id,
                username,
                passwordHash,
                staffRole,
                Timestamp.from(Instant.now()));
    }

    /** A test account. */
    public record Account(UUID id, String username, boolean staff) {

        /** Calls as this account, with the read and write scopes (and admin, for staff). */
        public RequestPostProcessor caller() {
            SimpleGrantedAuthority read = new SimpleGrantedAuthority("SCOPE_read");
            SimpleGrantedAuthority write = new SimpleGrantedAuthority("SCOPE_write");
            if (staff) {
                return user(username)
                        .authorities(
                                read,
                                write,
                                new SimpleGrantedAuthority("SCOPE_admin"),
                                new SimpleGrantedAuthority("STAFF_PLATFORM_ADMIN"));
            }
            return user(username).authorities(read, write);
        }
    }
}
