package io.selvedge.web.style;

import io.selvedge.access.Action;
import io.selvedge.access.ActionDeniedException;
import io.selvedge.access.DirectGrants;
import io.selvedge.access.GrantRefusedException;
import io.selvedge.access.Invitations;
import io.selvedge.access.Requires;
import io.selvedge.access.Role;
import io.selvedge.access.Shares;
import io.selvedge.collab.Approvals;
import io.selvedge.collab.CreatedLink;
import io.selvedge.collab.ShareLinks;
import io.selvedge.content.InvalidContentException;
import io.selvedge.content.NoSuchContentException;
import io.selvedge.content.StyleStatus;
import io.selvedge.identity.AccountDirectory;
import io.selvedge.identity.AccountSummary;
import io.selvedge.identity.EmailAddresses;
import io.selvedge.platform.PlatformProperties;
import jakarta.servlet.http.HttpServletResponse;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The style page's forms besides comments: approve or reject, share with people, create and revoke share
 * links. Each answers by going back to the page with a notice or a problem (message keys of i18n/style),
 * except a new link, whose address htmx shows once in the link dialog.
 */
@Controller
class StyleReview {

    private final Approvals approvals;
    private final Shares shares;
    private final DirectGrants directGrants;
    private final Invitations invitations;
    private final ShareLinks links;
    private final AccountDirectory accounts;
    private final StyleView view;
    private final String linkBase;

    StyleReview(
            Approvals approvals,
            Shares shares,
            DirectGrants directGrants,
            Invitations invitations,
            ShareLinks links,
            AccountDirectory accounts,
            StyleView view,
            PlatformProperties platform) {
        this.approvals = approvals;
        this.shares = shares;
        this.directGrants = directGrants;
        this.invitations = invitations;
        this.links = links;
        this.accounts = accounts;
        this.view = view;
        String base = platform.publicUrl().toString();
        this.linkBase = (base.endsWith("/") ? base.substring(0, base.length() - 1) : base) + "/s/";
    }

    @PostMapping("/styles/{id}/approval")
    @Requires(value = Action.APPROVE, target = "id")
    String approve(
            @PathVariable UUID id,
            @RequestParam StyleStatus status,
            @RequestParam(defaultValue = "") String note,
            RedirectAttributes redirect) {
        if (status == StyleStatus.REJECTED && note.isBlank()) {
            return back(id, redirect, "problem", "style.approval.noteNeeded");
        }
        try {
            approvals.record(id, status, note.strip(), view.caller());
        } catch (InvalidContentException e) {
            return back(id, redirect, "problem", "style.approval.refused");
        }
        return back(id, redirect, "notice", "style.approval.recorded." + status.name());
    }

    @PostMapping("/styles/{id}/shares")
    @Requires(value = Action.SHARE, target = "id")
    String share(
            @PathVariable UUID id,
            @RequestParam(defaultValue = "") String person,
            @RequestParam Role role,
            @RequestParam(defaultValue = "false") boolean allowDownload,
            @RequestParam(defaultValue = "false") boolean allowUpload,
            RedirectAttributes redirect) {
        if (person.contains("@")) {
            // Always an invitation, whether or not an account has the address: the page never says which.
            if (person.length() > 320
                    || EmailAddresses.problemWith(person.strip()).isPresent()) {
                return back(id, redirect, "problem", "style.share.noSuchPerson");
            }
            try {
                invitations.inviteToShare(id, person.strip(), role, allowDownload, allowUpload);
            } catch (GrantRefusedException | ActionDeniedException e) {
                return back(id, redirect, "problem", "style.share.refused");
            }
            return back(id, redirect, "notice", "style.share.invited");
        }
        if (person.isBlank() || person.length() > 320) {
            return back(id, redirect, "problem", "style.share.noSuchPerson");
        }
        // An account outside the group joins only by accepting an invitation (issue 15); nobody with the username
        // is answered the same way, after the same checks of the caller's right, so the page never says which.
        UUID accountId = accounts.accountWithUsername(person.strip())
                .map(AccountSummary::id)
                .orElseGet(UUID::randomUUID);
        try {
            DirectGrants.Outcome outcome = directGrants.share(id, accountId, role, allowDownload, allowUpload);
            return back(id, redirect, "notice", outcome.invited() ? "style.share.invitedAccount" : "style.share.done");
        } catch (GrantRefusedException | ActionDeniedException e) {
            return back(id, redirect, "problem", "style.share.refused");
        }
    }

    @PostMapping("/styles/{id}/shares/{accountId}/remove")
    @Requires(value = Action.SHARE, target = "id")
    String unshare(@PathVariable UUID id, @PathVariable UUID accountId, RedirectAttributes redirect) {
        shares.unshare(id, accountId);
        return back(id, redirect, "notice", "style.share.removed");
    }

    /** A new link: its address is shown once, in the dialog (htmx swaps this part in). */
    @PostMapping("/styles/{id}/links")
    @Requires(value = Action.MANAGE_LINKS, target = "id")
    String link(
            @PathVariable UUID id,
            @RequestParam(required = false) LocalDate expires,
            @RequestParam(defaultValue = "") String password,
            @RequestParam(defaultValue = "false") boolean allowDownload,
            HttpServletResponse response,
            Model model) {
        try {
            if (expires == null) {
                throw new InvalidContentException("An expiry date is required.");
            }
            CreatedLink created = links.create(
                    id,
                    "style",
                    expires.atStartOfDay(ZoneOffset.UTC).toInstant(),
                    password.isEmpty() ? null : password,
                    allowDownload,
                    view.caller());
            model.addAttribute("url", linkBase + created.token());
        } catch (InvalidContentException e) {
            response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
            model.addAttribute("refused", true);
        }
        response.setHeader("Cache-Control", "no-store");
        return "style/link-created :: created";
    }

    @PostMapping("/links/{id}/revoke")
    @Requires(value = Action.MANAGE_LINKS, target = "id")
    String revoke(@PathVariable UUID id, RedirectAttributes redirect) {
        UUID styleId = links.targetOf(id).orElseThrow(NoSuchContentException::new);
        links.revoke(id, view.caller());
        return back(styleId, redirect, "notice", "style.links.revoked");
    }

    private static String back(UUID styleId, RedirectAttributes redirect, String kind, String messageKey) {
        redirect.addFlashAttribute(kind, messageKey);
        return "redirect:/styles/" + styleId;
    }
}
