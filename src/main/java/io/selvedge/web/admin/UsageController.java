package io.selvedge.web.admin;

import io.selvedge.access.Action;
import io.selvedge.access.Grant;
import io.selvedge.access.Grants;
import io.selvedge.access.Requires;
import io.selvedge.audit.AuditEntry;
import io.selvedge.audit.AuditFilter;
import io.selvedge.audit.AuditTrail;
import io.selvedge.content.GroupUsage;
import io.selvedge.crypto.GroupKeys;
import io.selvedge.storage.ResidencyReport;
import io.selvedge.storage.ResidencyReports;
import io.selvedge.tenancy.Group;
import java.util.UUID;
import lombok.RequiredArgsConstructor;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

/**
 * The group's usage (members, storage in its region against the quota) and its residency and encryption:
 * the state of its keys, where its keysets and key-encrypting keys are (names and places from the residency
 * report, never key material), whether any of its data was found in another region, and the last rotation.
 */
@Controller
@RequiredArgsConstructor
class UsageController {

    private static final String ROTATED = "keys.rotated";

    private final AdminPage page;
    private final Grants grants;
    private final GroupUsage usage;
    private final GroupKeys keys;
    private final ResidencyReports residency;
    private final AuditTrail trail;

    @GetMapping("/admin/groups/{groupId}/usage")
    @Requires(value = Action.VIEW_GROUP_SETTINGS, target = "groupId")
    String usage(@PathVariable UUID groupId, Model model) {
        Group group = page.frame(model, groupId, Section.USAGE);
        model.addAttribute(
                "members",
                grants.grantsIn(groupId).stream()
                        .map(Grant::accountId)
                        .distinct()
                        .count());
        GroupUsage.Usage stored = usage.of(groupId);
        model.addAttribute("usage", stored);
        model.addAttribute("region", group.region());
        model.addAttribute("used", Sizes.inWords(stored.usedBytes()));
        model.addAttribute("quota", Sizes.inWords(stored.quotaBytes()));
        model.addAttribute("percent", stored.quotaBytes() == 0 ? 0 : 100.0 * stored.usedBytes() / stored.quotaBytes());
        model.addAttribute("keyStatus", keys.statusOf(groupId));
        ResidencyReport report = residency.of(groupId);
        model.addAttribute("report", report);
        model.addAttribute(
                "keyHoldings",
                report.holdings().stream()
                        .filter(holding -> holding.kind() == ResidencyReport.Kind.KEY)
                        .toList());
        model.addAttribute(
                "lastRotation",
                trail
                        .find(groupId, new AuditFilter(null, ROTATED, null, null, null, null, null), 1, null)
                        .entries()
                        .stream()
                        .findFirst()
                        .map(AuditEntry::time)
                        .orElse(null));
        return "admin/usage";
    }
}
