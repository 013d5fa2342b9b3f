package io.selvedge.web.workroom;

import io.selvedge.access.Action;
import io.selvedge.access.Grant;
import io.selvedge.access.Shares;
import io.selvedge.collab.ShareLink;
import io.selvedge.collab.ShareLinks;
import io.selvedge.identity.AccountDirectory;
import io.selvedge.identity.AccountSummary;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import lombok.RequiredArgsConstructor;
import org.springframework.stereotype.Component;
import org.springframework.ui.Model;

/** What the sharing panel lists: the workroom's shares (with usernames) and its live links. */
@Component
@RequiredArgsConstructor
class SharingPanel {

    private final Shares shares;
    private final ShareLinks links;
    private final AccountDirectory accounts;

    /** Adds the lists the caller may see: shares with {@code SHARE}, links with {@code MANAGE_LINKS}. */
    void fill(UUID workroomId, Set<Action> allowed, Model model) {
        if (allowed.contains(Action.SHARE)) {
            model.addAttribute("shares", sharesOf(workroomId));
        }
        if (allowed.contains(Action.MANAGE_LINKS)) {
            model.addAttribute("links", linksOf(workroomId));
        }
    }

    List<ShareRow> sharesOf(UUID workroomId) {
        List<Grant> on = shares.sharesOn(workroomId);
        Map<UUID, AccountSummary> names =
                accounts.accountSummaries(on.stream().map(Grant::accountId).toList());
        return on.stream()
                .map(grant -> new ShareRow(
                        grant.accountId(),
                        names.containsKey(grant.accountId())
                                ? names.get(grant.accountId()).username()
                                : grant.accountId().toString(),
                        grant.role().name(),
                        grant.allowDownload()))
                .toList();
    }

    List<LinkRow> linksOf(UUID workroomId) {
        return links.list(workroomId).stream().map(LinkRow::of).toList();
    }

    /** A live link as the panel shows it: never its token. */
    record LinkRow(UUID id, String expiresAt, boolean allowDownload, boolean passwordProtected) {

        private static final DateTimeFormatter TIME =
                DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'").withZone(ZoneOffset.UTC);

        static LinkRow of(ShareLink link) {
            return new LinkRow(
                    link.id(), TIME.format(link.expiresAt()), link.allowDownload(), link.passwordProtected());
        }
    }

    /** A share as the panel shows it. */
    record ShareRow(UUID accountId, String username, String role, boolean allowDownload) {}
}
