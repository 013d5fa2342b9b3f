package io.selvedge.identity.internal;

import io.micrometer.core.instrument.Counter;
import lombok.RequiredArgsConstructor;
import org.springframework.security.crypto.password.PasswordEncoder;

/**
 * The password encoder, counting each hash comparison ({@code selvedge.identity.password.checks}): a sudden
 * climb is guessing, and the tests use it to prove that an unknown username costs a hash like a known one.
 */
@RequiredArgsConstructor
class CountedPasswordEncoder implements PasswordEncoder {

    private final PasswordEncoder encoder;
    private final Counter checks;

    @Override
    public String encode(CharSequence rawPassword) {
        return encoder.encode(rawPassword);
    }

    @Override
    public boolean matches(CharSequence rawPassword, String encodedPassword) {
        checks.increment();
        return encoder.matches(rawPassword, encodedPassword);
    }

    @Override
    public boolean upgradeEncoding(String encodedPassword) {
        return encoder.upgradeEncoding(encodedPassword);
    }
}
