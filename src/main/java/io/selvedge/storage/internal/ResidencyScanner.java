package io.selvedge.storage.internal;

import io.selvedge.storage.GroupResidency;
import io.selvedge.storage.ResidencyContributor;
import io.selvedge.storage.ResidencyReport;
import io.selvedge.storage.ResidencyReports;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import lombok.RequiredArgsConstructor;
import org.springframework.stereotype.Service;

/** Asks every module that keeps group data where the group's is, and whether any is elsewhere. */
@Service
@RequiredArgsConstructor
class ResidencyScanner implements ResidencyReports {

    private final GroupResidency residency;
    private final List<ResidencyContributor> contributors;
    private final Clock clock;

    @Override
    public ResidencyReport of(UUID groupId) {
        String home = residency.regionOf(groupId);
        List<ResidencyReport.Holding> holdings = new ArrayList<>();
        List<ResidencyReport.Finding> elsewhere = new ArrayList<>();
        for (ResidencyContributor contributor : contributors) {
            holdings.addAll(contributor.holdings(groupId, home));
            elsewhere.addAll(contributor.findElsewhere(groupId, home));
        }
        return new ResidencyReport(groupId, home, holdings, elsewhere, clock.instant());
    }
}
