package io.selvedge.access.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.selvedge.access.AccessRequest;
import io.selvedge.access.AccessScope;
import io.selvedge.access.Action;
import io.selvedge.access.Authorization;
import io.selvedge.access.Level;
import io.selvedge.access.NotVisibleException;
import io.selvedge.access.Requires;
import io.selvedge.access.ResourcePath;
import io.selvedge.platform.AnyCaller;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Predicate;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.HandlerMapping;

/** The interceptor asks the decision point what a handler states, and refuses a handler that states nothing. */
class RequiresInterceptorTest {

    final List<String> asked = new ArrayList<>();
    final RequiresInterceptor interceptor = new RequiresInterceptor(new Recording());

    @Test
    void aStatedActionIsRequiredOnTheNamedPathVariable() throws Exception {
        UUID id = UUID.randomUUID();
        assertThat(interceptor.preHandle(
                        request(Map.of("id", id.toString())), new MockHttpServletResponse(), handler("stated")))
                .isTrue();
        assertThat(asked).containsExactly("VIEW " + id);
    }

    @Test
    void anyCallerPassesAndAHandlerStatingNothingIsRefused() throws Exception {
        assertThat(interceptor.preHandle(request(Map.of()), new MockHttpServletResponse(), handler("open")))
                .isTrue();
        assertThatThrownBy(() ->
                        interceptor.preHandle(request(Map.of()), new MockHttpServletResponse(), handler("silent")))
                .isInstanceOf(NotVisibleException.class);
        assertThat(asked).isEmpty();
    }

    @Test
    void aTargetThatIsNoIdIsLeftToTheHandlersBinding() throws Exception {
        assertThat(interceptor.preHandle(
                        request(Map.of("id", "not-a-uuid")), new MockHttpServletResponse(), handler("stated")))
                .isTrue();
        assertThat(asked).isEmpty();
    }

    private static MockHttpServletRequest request(Map<String, String> variables) {
        MockHttpServletRequest request = new MockHttpServletRequest();
        request.setAttribute(HandlerMapping.URI_TEMPLATE_VARIABLES_ATTRIBUTE, variables);
        return request;
    }

    private static HandlerMethod handler(String name) throws NoSuchMethodException {
        return new HandlerMethod(new Handlers(), Handlers.class.getDeclaredMethod(name));
    }

    static class Handlers {
        @Requires(value = Action.VIEW, target = "id")
        void stated() {}

        @AnyCaller("test")
        void open() {}

        void silent() {}
    }

    private final class Recording implements Authorization {
        @Override
        public void require(Action action, UUID targetId) {
            asked.add(action + " " + targetId);
        }

        @Override
        public void requireOnLevel(List<Action> actions, UUID targetId) {
            asked.add(actions + " " + targetId);
        }

        @Override
        public boolean allows(Action action, UUID targetId) {
            return false;
        }

        @Override
        public Set<Action> allowed(UUID targetId) {
            return Set.of();
        }

        @Override
        public Set<io.selvedge.access.Role> rolesOn(UUID targetId) {
            return Set.of();
        }

        @Override
        public Set<Action> allowedFor(UUID accountId, UUID targetId) {
            return Set.of();
        }

        @Override
        public Predicate<UUID> childrenAllowing(Action action, UUID parentId, Level childLevel) {
            return id -> false;
        }

        @Override
        public AccessRequest requireStaffScope(AccessScope scope, UUID groupId) {
            throw new NotVisibleException();
        }

        @Override
        public boolean inStaffScope(AccessRequest request, UUID nodeId) {
            return false;
        }

        @Override
        public Optional<ResourcePath> locate(UUID id) {
            return Optional.empty();
        }
    }
}
