package io.selvedge.web.workroom;

import io.selvedge.access.Action;
import io.selvedge.access.ActionDeniedException;
import io.selvedge.access.DirectGrants;
import io.selvedge.access.GrantRefusedException;
import io.selvedge.access.Invitations;
import io.selvedge.access.NotVisibleException;
import io.selvedge.access.Requires;
import io.selvedge.access.Role;
import io.selvedge.access.Shares;
import io.selvedge.collab.CreatedLink;
import io.selvedge.collab.ShareLinks;
import io.selvedge.identity.AccountDirectory;
import io.selvedge.identity.AccountSummary;
import io.selvedge.identity.Callers;
import io.selvedge.identity.EmailAddresses;
import io.selvedge.platform.PlatformProperties;
import io.selvedge.platform.Refusal;
import jakarta.servlet.http.HttpServletResponse;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;

/**
 * The workroom's sharing panel, for htmx: share with a person as editor or viewer and remove a share
 * ({@code SHARE}); create and revoke links ({@code MANAGE_LINKS}). Each answers its list again.
 */
@Controller
class WorkroomSharing {

    private final Shares shares;
    private final DirectGrants directGrants;
    private final Invitations invitations;
    private final ShareLinks links;
    private final AccountDirectory accounts;
    private final SharingPanel panel;
    private final Callers callers;
    private final Clock clock;
    private final String linkBase;

    WorkroomSharing(
            Shares shares,
            DirectGrants directGrants,
            Invitations invitations,
            ShareLinks links,
            AccountDirectory accounts,
            SharingPanel panel,
            Callers callers,
            Clock clock,
            PlatformProperties platform) {
        this.shares = shares;
        this.directGrants = directGrants;
        this.invitations = invitations;
        this.links = links;
        this.accounts = accounts;
        this.panel = panel;
        this.callers = callers;
        this.clock = clock;
        String base = platform.publicUrl().toString();
        this.linkBase = (base.endsWith("/") ? base.substring(0, base.length() - 1) : base) + "/s/";
    }

    @PostMapping("/workrooms/{id}/shares")
    @Requires(value = Action.SHARE, target = "id")
    String share(@PathVariable UUID id, ShareForm form, Model model) {
        Role role = "EDITOR".equals(form.role()) ? Role.EDITOR : Role.VIEWER;
        String typed = form.person() == null ? "" : form.person().strip();
        if (typed.contains("@")) {
            // Always an invitation, whether or not an account has the address: the page never says which.
            if (typed.length() > 320 || EmailAddresses.problemWith(typed).isPresent()) {
                model.addAttribute("shareProblem", "workroom.share.unknown");
                return shares(id, model);
            }
            try {
                invitations.inviteToShare(id, typed, role, form.mayDownload(), false);
                model.addAttribute("invited", typed);
            } catch (GrantRefusedException | ActionDeniedException e) {
                model.addAttribute("shareProblem", "workroom.share.refused");
            }
            return shares(id, model);
        }
        if (typed.isEmpty() || typed.length() > 320) {
            model.addAttribute("shareProblem", "workroom.share.unknown");
            return shares(id, model);
        }
        // An account outside the group joins only by accepting an invitation (issue 15); nobody with the username
        // is answered the same way, after the same checks of the caller's right, so the page never says which.
        UUID accountId =
                accounts.accountWithUsername(typed).map(AccountSummary::id).orElseGet(UUID::randomUUID);
        try {
            DirectGrants.Outcome outcome = directGrants.share(id, accountId, role, form.mayDownload(), false);
            model.addAttribute(outcome.invited() ? "invitedAccount" : "shared", typed);
        } catch (GrantRefusedException | ActionDeniedException e) {
            model.addAttribute("shareProblem", "workroom.share.refused");
        }
        return shares(id, model);
    }

    @PostMapping("/workrooms/{id}/shares/{accountId}/remove")
    @Requires(value = Action.SHARE, target = "id")
    String unshare(@PathVariable UUID id, @PathVariable UUID accountId, Model model) {
        shares.unshare(id, accountId);
        return shares(id, model);
    }

    @PostMapping("/workrooms/{id}/links")
    @Requires(value = Action.MANAGE_LINKS, target = "id")
    String link(@PathVariable UUID id, LinkForm form, Model model, HttpServletResponse response) {
        Instant expiresAt = form.expiresAt(clock.instant());
        if (expiresAt == null) {
            model.addAttribute("linkProblem", "workroom.link.expiry");
        } else {
            try {
                CreatedLink link = links.create(id, "workroom", expiresAt, form.password(), form.download(), caller());
                // The token is in this answer only, once: no cache keeps it.
                response.setHeader("Cache-Control", "no-store");
                model.addAttribute("createdLink", linkBase + link.token());
            } catch (Refusal.Invalid | IllegalArgumentException e) {
                model.addAttribute("linkProblem", "workroom.link.refused");
            }
        }
        return links(id, model);
    }

    @PostMapping("/workrooms/{id}/links/{linkId}/revoke")
    @Requires(value = Action.MANAGE_LINKS, target = "id")
    String revoke(@PathVariable UUID id, @PathVariable UUID linkId, Model model) {
        // The permission is the workroom's: a link of anything else is not found from here.
        if (!links.targetOf(linkId).map(id::equals).orElse(false)) {
            throw new NotVisibleException();
        }
        links.revoke(linkId, caller());
        return links(id, model);
    }

    private String shares(UUID id, Model model) {
        model.addAttribute("workroomId", id);
        model.addAttribute("shares", panel.sharesOf(id));
        return "workroom-fragments :: shares";
    }

    private String links(UUID id, Model model) {
        model.addAttribute("workroomId", id);
        model.addAttribute("links", panel.linksOf(id));
        return "workroom-fragments :: links";
    }

    private UUID caller() {
        return callers.current().orElseThrow().accountId();
    }

    /** {@code download} is absent when its box is not ticked. */
    record ShareForm(
            @Nullable String person,
            @Nullable String role,
            @Nullable Boolean download) {

        boolean mayDownload() {
            return Boolean.TRUE.equals(download);
        }

        @Override
        public String toString() {
            return "ShareForm[role=" + role + "]";
        }
    }

    /**
     * A link's form: the last day it works (until the end of that day, UTC, and never past the 90 days a
     * link may live), an optional password, view-only or download.
     */
    record LinkForm(
            @Nullable String expires,
            @Nullable String password,
            @Nullable String access) {

        @Nullable
        Instant expiresAt(Instant now) {
            if (expires == null || expires.isBlank()) {
                return null;
            }
            try {
                Instant endOfDay = LocalDate.parse(expires.strip())
                        .plusDays(1)
                        .atStartOfDay(ZoneOffset.UTC)
                        .toInstant();
                Instant latest = now.plus(ShareLinks.MAX_LIFETIME);
                if (!endOfDay.isAfter(now) || endOfDay.isAfter(latest.plus(java.time.Duration.ofDays(1)))) {
                    return null;
                }
                return endOfDay.isAfter(latest) ? latest : endOfDay;
            } catch (DateTimeParseException e) {
                return null;
            }
        }

        @Override
        @Nullable
        public String password() {
            return password == null || password.isEmpty() ? null : password;
        }

        boolean download() {
            return "download".equals(access);
        }

        @Override
        public String toString() {
            return "LinkForm[expires=" + expires + ", access=" + access + "]";
        }
    }
}
