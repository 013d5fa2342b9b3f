package io.selvedge.identity.internal;

import io.selvedge.identity.PasswordSignInPolicy;
import java.util.ArrayList;
import java.util.List;
import lombok.RequiredArgsConstructor;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.event.EventListener;
import org.springframework.security.authentication.event.AuthenticationSuccessEvent;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsPasswordService;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.stereotype.Service;

/**
 * Accounts for Spring Security's password sign-in. Hashes made with older Argon2 parameters are
 * replaced at the next successful sign-in ({@link UserDetailsPasswordService}). An account that a
 * {@link PasswordSignInPolicy} keeps from signing in with a password (its groups are all single sign-on
 * only) has its password credential marked expired: Spring's provider refuses it after the password was
 * checked, so a wrong password still answers like any other.
 */
@Service
@RequiredArgsConstructor
class AccountUserDetails implements UserDetailsService, UserDetailsPasswordService {

    private final Accounts accounts;
    private final ObjectProvider<PasswordSignInPolicy> passwordSignIn;

    @Override
    public UserDetails loadUserByUsername(String username) {
        Account account = accounts.findByUsername(io.selvedge.identity.Usernames.normalise(username))
                .orElseThrow(() -> new UsernameNotFoundException("unknown account"));
        List<GrantedAuthority> authorities = new ArrayList<>();
        if (account.staffRole() != null) {
            authorities.add(
                    new SimpleGrantedAuthority("STAFF_" + account.staffRole().name()));
        }
        return User.withUsername(account.username())
                .password(account.passwordHash() == null ? "" : account.passwordHash())
                .authorities(authorities)
                .disabled(account.status() != AccountStatus.ACTIVE)
                .credentialsExpired(
                        passwordSignIn.orderedStream().anyMatch(policy -> !policy.passwordSignInAllowed(account.id())))
                .build();
    }

    @Override
    public UserDetails updatePassword(UserDetails user, String newEncodedPassword) {
        accounts.changePasswordHash(user.getUsername(), newEncodedPassword);
        return User.withUserDetails(user).password(newEncodedPassword).build();
    }

    @EventListener
    void signedIn(AuthenticationSuccessEvent event) {
        accounts.recordSignIn(event.getAuthentication().getName());
    }
}
