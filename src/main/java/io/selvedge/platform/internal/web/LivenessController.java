package io.selvedge.platform.internal.web;

import io.selvedge.platform.AnyCaller;
import java.util.Map;
import lombok.RequiredArgsConstructor;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.health.actuate.endpoint.HealthEndpoint;
import org.springframework.boot.health.contributor.Status;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/** {@code GET /healthz} on the main port: the overall status for load balancers, and nothing more. */
@AnyCaller("liveness, no details")
@RestController
@ConditionalOnWebApplication
@RequiredArgsConstructor
class LivenessController {

    private final HealthEndpoint health;

    @GetMapping("/healthz")
    ResponseEntity<Map<String, String>> healthz() {
        Status status = health.health().getStatus();
        HttpStatus code = Status.UP.equals(status) ? HttpStatus.OK : HttpStatus.SERVICE_UNAVAILABLE;
        return ResponseEntity.status(code).body(Map.of("status", status.getCode()));
    }
}
