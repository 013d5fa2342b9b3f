package io.selvedge.api;

import io.selvedge.access.AccessRequest;
import io.selvedge.access.AccessRequests;
import io.selvedge.access.AccessRequests.RequesterSummary;
import io.selvedge.access.PlatformStaff;
import io.selvedge.access.StaffAction;
import io.selvedge.identity.Caller;
import io.selvedge.identity.StaffAccounts;
import io.selvedge.identity.StaffAccounts.ReviewFormat;
import io.selvedge.identity.StaffAccounts.StaffAccount;
import io.selvedge.platform.AnyCaller;
import io.selvedge.platform.Refusal;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import lombok.RequiredArgsConstructor;
import org.jspecify.annotations.Nullable;
import org.springframework.http.CacheControl;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code /api/v1/admin/staff}: the staff access review, for platform admins only. Lists every staff account with
 * its role, last sign-in and last confirmation; confirms one, removes its staff role or disables it; exports the
 * review as CSV or JSON. Every change and export is on the platform trail.
 */
@RestController
@RequiredArgsConstructor
class StaffAccessReviewApi {

    static final String PATH = "/api/v1/admin/staff";
    private static final String ONLY_ADMINS =
            "platform staff allowed REVIEW_STAFF_ACCESS (platform admins), checked by" + " the handler";

    private final StaffAccounts staff;
    private final PlatformStaff platform;
    private final AccessRequests requests;
    private final Clock clock;

    @GetMapping(PATH)
    @AnyCaller(ONLY_ADMINS)
    ResponseEntity<ReviewList> list(
            @RequestParam(defaultValue = ListPages.LIMIT) int limit,
            @RequestParam(required = false) @Nullable String cursor) {
        platform.require(StaffAction.REVIEW_STAFF_ACCESS);
        ListPages.Slice<StaffAccount> page =
                ListPages.page(staff.review(), account -> account.id().toString(), limit, cursor);
        Map<UUID, RequesterSummary> made = requests.byRequester();
        Instant now = clock.instant();
        List<ReviewedAccount> items = page.items().stream()
                .map(account -> ReviewedAccount.of(account, made.get(account.id()), now))
                .toList();
        return ResponseEntity.ok().cacheControl(CacheControl.noStore()).body(new ReviewList(items, page.nextCursor()));
    }

    @GetMapping(PATH + "/export")
    @AnyCaller(ONLY_ADMINS)
    ResponseEntity<byte[]> export(@RequestParam(defaultValue = "csv") String format) {
        Caller admin = platform.require(StaffAction.REVIEW_STAFF_ACCESS);
        ReviewFormat chosen = formatOf(format);
        String file = staff.export(chosen, admin.accountId());
        String name = "staff-access-review-" + LocalDate.now(ZoneOffset.UTC) + "." + format.toLowerCase(Locale.ROOT);
        return ResponseEntity.ok()
                .cacheControl(CacheControl.noStore())
                .contentType(
                        chosen == ReviewFormat.CSV
                                ? new MediaType("text", "csv", StandardCharsets.UTF_8)
                                : MediaType.APPLICATION_JSON)
                .header(
                        HttpHeaders.CONTENT_DISPOSITION,
                        ContentDisposition.attachment().filename(name).build().toString())
                .body(file.getBytes(StandardCharsets.UTF_8));
    }

    @PostMapping(PATH + "/{accountId}/confirmations")
    @AnyCaller(ONLY_ADMINS)
    ResponseEntity<StaffAccount> confirm(@PathVariable UUID accountId) {
        Caller admin = platform.require(StaffAction.REVIEW_STAFF_ACCESS);
        StaffAccount confirmed = staff.confirm(accountId, admin.accountId());
        return ResponseEntity.created(URI.create(PATH + "/" + accountId)).body(confirmed);
    }

    @DeleteMapping(PATH + "/{accountId}/role")
    @AnyCaller(ONLY_ADMINS)
    StaffAccount removeRole(@PathVariable UUID accountId) {
        Caller admin = platform.require(StaffAction.REVIEW_STAFF_ACCESS);
        return staff.removeRole(accountId, admin.accountId());
    }

    @PostMapping(PATH + "/{accountId}/disable")
    @AnyCaller(ONLY_ADMINS)
    StaffAccount disable(@PathVariable UUID accountId) {
        Caller admin = platform.require(StaffAction.REVIEW_STAFF_ACCESS);
        return staff.disable(accountId, admin.accountId());
    }

    private static ReviewFormat formatOf(String format) {
        return switch (format.toLowerCase(Locale.ROOT)) {
            case "csv" -> ReviewFormat.CSV;
            case "json" -> ReviewFormat.JSON;
            default -> throw new Refusal.Invalid("The format is csv or json.");
        };
    }

    /** A page of the review. */
    record ReviewList(List<ReviewedAccount> items, @Nullable String nextCursor) {}

    /**
     * One staff account in the review, with its access requests: how many it made (in every group and region,
     * break-glass included) and the latest.
     */
    record ReviewedAccount(
            UUID id,
            String username,
            @Nullable String role,
            boolean active,
            boolean mfaEnrolled,
            int passkeys,
            Instant createdAt,
            @Nullable Instant lastSignInAt,
            @Nullable Instant confirmedAt,
            @Nullable String confirmedBy,
            long accessRequests,
            @Nullable LatestRequest latestAccessRequest) {

        static ReviewedAccount of(StaffAccount account, @Nullable RequesterSummary made, Instant now) {
            return new ReviewedAccount(
                    account.id(),
                    account.username(),
                    account.role(),
                    account.active(),
                    account.mfaEnrolled(),
                    account.passkeys(),
                    account.createdAt(),
                    account.lastSignInAt(),
                    account.confirmedAt(),
                    account.confirmedBy(),
                    made == null ? 0 : made.count(),
                    made == null ? null : LatestRequest.of(made.latest(), now));
        }
    }

    /** A staff account's latest access request: which group, what scope, its status now, when it was made. */
    record LatestRequest(UUID id, UUID groupId, String scope, String status, Instant requestedAt) {

        static LatestRequest of(AccessRequest request, Instant now) {
            return new LatestRequest(
                    request.id(),
                    request.groupId(),
                    request.scope().name(),
                    request.shownStatus(now),
                    request.requestedAt());
        }
    }
}
