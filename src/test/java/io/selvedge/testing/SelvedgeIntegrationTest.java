package io.selvedge.testing;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.context.SpringBootTest;

/**
 * Starts the whole server the same way in every integration test: HTTPS on random ports, environment
 * {@code test}, a fresh data directory, and the stores on H2 or on PostgreSQL as the Failsafe run
 * chooses ({@code selvedge.test.database}). Tests with the same settings share one server: a test has it
 * as {@code @Autowired TestServer server} (its URLs, a client, its data directory) and calls its API through
 * {@code @Autowired ApiCalls api}. A test that needs a server of its own starts a {@link TestServer}.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ExtendWith(TestDatabase.AvailableCondition.class)
public @interface SelvedgeIntegrationTest {}
