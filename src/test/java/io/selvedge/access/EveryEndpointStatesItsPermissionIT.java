package io.selvedge.access;

import static org.assertj.core.api.Assertions.assertThat;

import io.selvedge.testing.SelvedgeIntegrationTest;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Walks every handler the application registered: each states its permission, either the action and the
 * path variable of its target, or that it is open to any caller and why.
 */
@SelvedgeIntegrationTest
class EveryEndpointStatesItsPermissionIT {

    @Autowired
    StatedPermissions permissions;

    @Test
    void everyHandlerStatesAnActionOrThatAnyCallerMayCallIt() {
        List<StatedPermission> endpoints = permissions.endpoints();

        assertThat(endpoints).hasSizeGreaterThan(30);
        assertThat(endpoints)
                .filteredOn(endpoint -> !endpoint.stated())
                .as("handlers without @Requires or @AnyCaller")
                .isEmpty();
    }

    @Test
    void eachRequiredTargetIsAPathVariableOfItsEndpoint() {
        for (StatedPermission endpoint : permissions.endpoints()) {
            if (!endpoint.actions().isEmpty()) {
                assertThat(endpoint.patterns())
                        .as(endpoint.handler())
                        .allSatisfy(pattern -> assertThat(pattern).contains("{" + endpoint.target() + "}"));
                assertThat(endpoint.anyCaller()).as(endpoint.handler()).isNull();
            }
        }
    }

    @Test
    void theTreeStatesTheTableActions() {
        assertThat(permissions.endpoints())
                .anySatisfy(endpoint -> {
                    assertThat(endpoint.patterns()).containsExactly("/api/v1/seasons/{seasonId}/workrooms");
                    assertThat(endpoint.methods()).containsExactly("POST");
                    assertThat(endpoint.actions()).containsExactly(Action.MANAGE_WORKROOMS);
                })
                .anySatisfy(endpoint -> {
                    assertThat(endpoint.patterns()).containsExactly("/api/v1/groups/{groupId}");
                    assertThat(endpoint.methods()).containsExactly("GET");
                    assertThat(endpoint.actions()).containsExactly(Action.VIEW_GROUP);
                });
    }
}
