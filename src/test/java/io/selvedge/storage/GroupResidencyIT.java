package io.selvedge.storage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.selvedge.testing.SelvedgeIntegrationTest;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

@SelvedgeIntegrationTest
class GroupResidencyIT {

    @Autowired
    GroupResidency residency;

    @Autowired
    Stores stores;

    @Test
    void aGroupLivesInTheRegionItWasRegisteredIn() {
        UUID group = UUID.randomUUID();

        residency.register(group, "eu");

        assertThat(residency.regionOf(group)).isEqualTo("eu");
        assertThat(residency.storeOf(group)).isSameAs(stores.region("eu"));
    }

    @Test
    void aGroupsRegionIsNeverChanged() {
        UUID group = UUID.randomUUID();
        residency.register(group, "apac");

        assertThatThrownBy(() -> residency.register(group, "us")).isInstanceOf(IllegalStateException.class);
        assertThat(residency.regionOf(group)).isEqualTo("apac");
    }

    @Test
    void anUnknownRegionOrGroupIsRefused() {
        assertThatThrownBy(() -> residency.register(UUID.randomUUID(), "mars"))
                .isInstanceOf(UnknownRegionException.class);
        assertThatThrownBy(() -> residency.regionOf(UUID.randomUUID())).isInstanceOf(UnknownGroupException.class);
    }
}
