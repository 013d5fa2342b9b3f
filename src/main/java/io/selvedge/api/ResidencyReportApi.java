package io.selvedge.api;

import io.selvedge.access.Action;
import io.selvedge.access.Authorization;
import io.selvedge.access.PlatformStaff;
import io.selvedge.platform.AnyCaller;
import io.selvedge.storage.ResidencyReport;
import io.selvedge.storage.ResidencyReports;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import lombok.RequiredArgsConstructor;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code GET /api/v1/groups/{id}/residency-report}: where a group's data is, and whether any of it was
 * found in another region. Permission: {@code READ_RESIDENCY_REPORT} on the group (its admins and
 * operators, who see the same report in the admin console), or a platform admin, for any group.
 */
@RestController
@RequiredArgsConstructor
class ResidencyReportApi {

    private final ResidencyReports reports;
    private final Authorization authorization;
    private final PlatformStaff staff;

    @GetMapping("/api/v1/groups/{groupId}/residency-report")
    @AnyCaller("platform admins; anyone else needs READ_RESIDENCY_REPORT on the group at the decision point")
    ResponseEntity<?> report(@PathVariable UUID groupId) {
        // Decided before the report is made: for anyone else, another group's id is a 404 like a random one.
        if (!staff.isPlatformAdmin()) {
            authorization.require(Action.READ_RESIDENCY_REPORT, groupId);
        }
        return ResponseEntity.ok(ResidencyReportResponse.of(reports.of(groupId)));
    }

    record ResidencyReportResponse(
            UUID groupId,
            String region,
            boolean clean,
            List<HoldingResponse> stores,
            List<String> unreported,
            List<FindingResponse> elsewhere,
            Instant scannedAt) {

        static ResidencyReportResponse of(ResidencyReport report) {
            return new ResidencyReportResponse(
                    report.groupId(),
                    report.region(),
                    report.clean(),
                    report.holdings().stream()
                            .map(h -> new HoldingResponse(h.kind().id(), h.region(), h.location(), h.detail()))
                            .toList(),
                    report.unreported().stream().map(ResidencyReport.Kind::id).toList(),
                    report.elsewhere().stream()
                            .map(f ->
                                    new FindingResponse(f.kind().id(), f.region(), f.location(), f.place(), f.count()))
                            .toList(),
                    report.scannedAt());
        }
    }

    record HoldingResponse(String kind, String region, String location, String detail) {}

    record FindingResponse(String kind, String region, String location, String place, long count) {}
}
