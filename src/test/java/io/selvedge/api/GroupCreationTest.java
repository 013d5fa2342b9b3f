package io.selvedge.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.selvedge.access.AccountsProperties;
import io.selvedge.access.ActionDeniedException;
import io.selvedge.identity.Caller;
import io.selvedge.identity.Callers;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;
import org.springframework.security.core.Authentication;

/** Who may create a group is the installation's choice, and by default only platform admins may. */
class GroupCreationTest {

    @Test
    void byDefaultOnlyPlatformAdminsCreateGroups() {
        AccountsProperties defaults = bind(Map.of());
        assertThat(defaults.groupCreation()).isEqualTo(AccountsProperties.GroupCreation.PLATFORM_ADMINS);
        assertThat(bind(Map.of("selvedge.accounts.group-creation", "self-service"))
                        .groupCreation())
                .isEqualTo(AccountsProperties.GroupCreation.SELF_SERVICE);

        GroupsApi api = new GroupsApi(null, null, aCustomer(), null, defaults);
        assertThatThrownBy(() -> api.create(new GroupsApi.NewGroup("Maison", "eu")))
                .isInstanceOf(ActionDeniedException.class)
                .satisfies(refused -> assertThat(
                                ((ActionDeniedException) refused).getBody().getDetail())
                        .contains("platform admins create groups"));
    }

    private static AccountsProperties bind(Map<String, String> properties) {
        return new Binder(new MapConfigurationPropertySource(properties))
                .bindOrCreate("selvedge.accounts", AccountsProperties.class);
    }

    private static Callers aCustomer() {
        Caller customer = new Caller(UUID.randomUUID(), false);
        return new Callers() {
            @Override
            public Optional<Caller> of(Authentication authentication) {
                return Optional.of(customer);
            }

            @Override
            public Optional<Caller> byId(UUID accountId) {
                return Optional.of(customer);
            }

            @Override
            public Optional<Caller> current() {
                return Optional.of(customer);
            }
        };
    }
}
