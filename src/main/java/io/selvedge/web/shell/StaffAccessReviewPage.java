package io.selvedge.web.shell;

import io.selvedge.access.AccessRequests;
import io.selvedge.access.PlatformStaff;
import io.selvedge.access.StaffAction;
import io.selvedge.identity.Caller;
import io.selvedge.identity.StaffAccounts;
import io.selvedge.identity.StaffAccounts.ReviewFormat;
import io.selvedge.identity.StaffReviewRefusedException;
import io.selvedge.platform.AnyCaller;
import io.selvedge.platform.Refusal;
import jakarta.servlet.http.HttpServletResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import lombok.RequiredArgsConstructor;
import org.springframework.http.CacheControl;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The staff access review page ({@code /platform/staff-review}): every staff account with its role, last sign-in
 * and last confirmation, a button to confirm it, remove its staff role or disable it, and the review as CSV or
 * JSON. As the API ({@code /api/v1/admin/staff}): platform admins only; on the platform trail.
 */
@Controller
@RequiredArgsConstructor
class StaffAccessReviewPage {

    static final String PAGE = "/platform/staff-review";
    private static final String ONLY_ADMINS =
            "platform staff allowed REVIEW_STAFF_ACCESS (platform admins), checked by the handler";

    private final StaffAccounts staff;
    private final PlatformStaff platform;
    private final AccessRequests requests;
    private final Clock clock;

    @GetMapping(PAGE)
    @AnyCaller(ONLY_ADMINS)
    String page(Authentication authentication, HttpServletResponse response, Model model) {
        Optional<Caller> admin = admin(authentication);
        if (admin.isEmpty()) {
            response.setStatus(HttpStatus.FORBIDDEN.value());
            model.addAttribute("problem", "shell.review.notAllowed");
            model.addAttribute("accounts", List.of());
            return "staff-review";
        }
        model.addAttribute("accounts", staff.review());
        model.addAttribute("made", requests.byRequester());
        model.addAttribute("now", clock.instant());
        model.addAttribute("me", admin.get().accountId());
        return "staff-review";
    }

    @GetMapping({PAGE + ".csv", PAGE + ".json"})
    @AnyCaller(ONLY_ADMINS)
    ResponseEntity<byte[]> export(Authentication authentication, jakarta.servlet.http.HttpServletRequest request) {
        Caller admin = admin(authentication)
                .orElseThrow(() -> new Refusal.Forbidden("Only platform admins review staff access."));
        boolean json = request.getRequestURI().endsWith(".json");
        String file = staff.export(json ? ReviewFormat.JSON : ReviewFormat.CSV, admin.accountId());
        return ResponseEntity.ok()
                .cacheControl(CacheControl.noStore())
                .contentType(json ? MediaType.APPLICATION_JSON : new MediaType("text", "csv", StandardCharsets.UTF_8))
                .header(
                        HttpHeaders.CONTENT_DISPOSITION,
                        ContentDisposition.attachment()
                                .filename("staff-access-review-" + LocalDate.now(ZoneOffset.UTC)
                                        + (json ? ".json" : ".csv"))
                                .build()
                                .toString())
                .body(file.getBytes(StandardCharsets.UTF_8));
    }

    @PostMapping(PAGE + "/{accountId}/{action}")
    @AnyCaller(ONLY_ADMINS)
    String act(
            @PathVariable String accountId,
            @PathVariable String action,
            Authentication authentication,
            HttpServletResponse response,
            Model model,
            RedirectAttributes shown) {
        Optional<Caller> admin = admin(authentication);
        if (admin.isEmpty()) {
            return page(authentication, response, model);
        }
        UUID reviewer = admin.get().accountId();
        try {
            UUID id = UUID.fromString(accountId);
            switch (action) {
                case "confirm" -> staff.confirm(id, reviewer);
                case "remove-role" -> staff.removeRole(id, reviewer);
                case "disable" -> staff.disable(id, reviewer);
                default -> throw new Refusal.NotFound("No such review action.");
            }
            shown.addFlashAttribute("notice", "shell.review.done." + action);
        } catch (StaffReviewRefusedException refused) {
            shown.addFlashAttribute("problem", "shell.review.refused");
        } catch (Refusal.NotFound | IllegalArgumentException unknown) {
            shown.addFlashAttribute("problem", "shell.review.unknown");
        }
        return "redirect:" + PAGE;
    }

    private Optional<Caller> admin(Authentication authentication) {
        return authentication == null ? Optional.empty() : platform.allowedTo(StaffAction.REVIEW_STAFF_ACCESS);
    }
}
