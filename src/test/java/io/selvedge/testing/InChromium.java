package io.selvedge.testing;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * An integration test in real Chromium ({@link Browser}) against the shared test server; it does not
 * depend on the store, so it runs on H2 only. Extend it from a {@link SelvedgeIntegrationTest}.
 */
@Tag("store-independent")
public abstract class InChromium {

    @RegisterExtension
    protected static final Browser browser = new Browser();

    @Autowired
    protected TestServer server;
}
