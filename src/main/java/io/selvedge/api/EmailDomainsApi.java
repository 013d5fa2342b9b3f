package io.selvedge.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.selvedge.access.Action;
import io.selvedge.access.EmailDomains;
import io.selvedge.access.EmailDomains.Domain;
import io.selvedge.access.Requires;
import io.selvedge.platform.AnyCaller;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import lombok.RequiredArgsConstructor;
import org.jspecify.annotations.Nullable;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * A group's e-mail domains: {@code POST}, {@code GET /api/v1/groups/{id}/domains}, {@code DELETE} and
 * {@code POST .../{domain}/verify} (the TXT record looked up), and a platform admin's
 * {@code PUT /api/v1/admin/groups/{id}/domains/{domain}/verified} for installations without public DNS.
 */
@RestController
@RequiredArgsConstructor
class EmailDomainsApi {

    private final EmailDomains domains;

    @PostMapping("/api/v1/groups/{groupId}/domains")
    @Requires(value = Action.MANAGE_DOMAINS, target = "groupId")
    ResponseEntity<DomainBody> claim(@PathVariable UUID groupId, @Valid @RequestBody NewDomain request) {
        Domain claimed = domains.claim(groupId, request.domain());
        return ResponseEntity.created(URI.create("/api/v1/groups/" + groupId + "/domains/" + claimed.domain()))
                .body(DomainBody.of(claimed));
    }

    @GetMapping("/api/v1/groups/{groupId}/domains")
    @Requires(value = Action.MANAGE_DOMAINS, target = "groupId")
    DomainList list(@PathVariable UUID groupId) {
        return new DomainList(
                domains.domainsOf(groupId).stream().map(DomainBody::of).toList(), null);
    }

    @DeleteMapping("/api/v1/groups/{groupId}/domains/{domain}")
    @Requires(value = Action.MANAGE_DOMAINS, target = "groupId")
    ResponseEntity<Void> release(@PathVariable UUID groupId, @PathVariable String domain) {
        domains.release(groupId, domain);
        return ResponseEntity.noContent().build();
    }

    @PostMapping("/api/v1/groups/{groupId}/domains/{domain}/verify")
    @Requires(value = Action.MANAGE_DOMAINS, target = "groupId")
    DomainBody verify(@PathVariable UUID groupId, @PathVariable String domain) {
        return DomainBody.of(domains.verify(groupId, domain));
    }

    @PutMapping("/api/v1/admin/groups/{groupId}/domains/{domain}/verified")
    @AnyCaller("platform admins only, checked by the service before anything is read; audited on the group's trail")
    DomainBody markVerified(@PathVariable UUID groupId, @PathVariable String domain) {
        return DomainBody.of(domains.markVerified(groupId, domain));
    }

    record NewDomain(@NotBlank @Size(max = 253) String domain) {}

    record DomainBody(
            String domain,
            boolean verified,
            String txtName,
            String txtValue,
            @Nullable Instant verifiedAt) {
        static DomainBody of(Domain domain) {
            return new DomainBody(
                    domain.domain(), domain.verified(), domain.txtName(), domain.txtValue(), domain.verifiedAt());
        }
    }

    /** One page: a group has few domains, so {@code nextCursor} is always null. */
    record DomainList(
            List<DomainBody> items,

            @JsonInclude(JsonInclude.Include.ALWAYS) @Nullable
            String nextCursor) {}
}
