package io.selvedge.sso.internal.saml;

import io.selvedge.platform.AnyCaller;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.UUID;
import lombok.RequiredArgsConstructor;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;

/**
 * The SAML service provider's endpoints: its metadata ({@code GET /sso/{id}/metadata}) and the assertion
 * consumer service ({@code POST /sso/{id}/acs}, HTTP-POST binding, no CSRF token: the IdP posts it
 * cross-site; the response's signature, {@code InResponseTo} and this browser's cookie protect it).
 */
@AnyCaller("the SAML endpoints an identity provider and a signing-in browser reach; the response's checks decide")
@Controller
@RequiredArgsConstructor
class SamlController {

    static final MediaType SAML_METADATA = MediaType.parseMediaType("application/samlmetadata+xml");

    private final SamlSignIn saml;

    @GetMapping("/sso/{connectionId}/metadata")
    ResponseEntity<String> metadata(@PathVariable UUID connectionId) {
        return saml.metadata(connectionId)
                .map(xml -> ResponseEntity.ok().contentType(SAML_METADATA).body(xml))
                .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
    }

    @PostMapping("/sso/{connectionId}/acs")
    String acs(
            @PathVariable UUID connectionId,
            @RequestParam(name = "SAMLResponse", required = false) @Nullable String samlResponse,
            @RequestParam(name = "RelayState", required = false) @Nullable String relayState,
            HttpServletRequest request,
            HttpServletResponse response) {
        return "redirect:" + saml.consume(connectionId, samlResponse, relayState, request, response);
    }
}
