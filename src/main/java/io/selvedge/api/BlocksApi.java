package io.selvedge.api;

import io.selvedge.access.StaffAction;
import io.selvedge.identity.Caller;
import io.selvedge.identity.Callers;
import io.selvedge.platform.AnyCaller;
import io.selvedge.protection.Block;
import io.selvedge.protection.Blocks;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.regex.Pattern;
import lombok.RequiredArgsConstructor;
import org.springframework.http.CacheControl;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code /api/v1/admin/blocks}: the clients refused after abuse (automatic, escalating) or by staff. Platform
 * staff whose role allows {@link StaffAction#MANAGE_BLOCKS} list them, block an address for a while, and lift
 * a block; adding and lifting are on the platform trail.
 */
@RestController
@RequiredArgsConstructor
class BlocksApi {

    static final String PATH = "/api/v1/admin/blocks";
    private static final Pattern ID = Pattern.compile("^(address:[0-9A-Fa-f.:]{2,45}|token:[0-9a-f]{40})$");

    private final Blocks blocks;
    private final Callers callers;

    @GetMapping(PATH)
    @AnyCaller("platform staff whose role allows MANAGE_BLOCKS, checked by the handler")
    ResponseEntity<List<BlockView>> list(Authentication authentication) {
        staff(authentication);
        return ResponseEntity.ok()
                .cacheControl(CacheControl.noStore())
                .body(blocks.list().stream().map(BlockView::of).toList());
    }

    @PostMapping(PATH)
    @AnyCaller("platform staff whose role allows MANAGE_BLOCKS, checked by the handler")
    ResponseEntity<BlockView> add(@Valid @RequestBody NewBlock request, Authentication authentication) {
        Caller caller = staff(authentication);
        Block block = blocks.blockAddress(
                request.address(), Duration.ofMinutes(request.minutes()), request.reason(), caller.accountId());
        return ResponseEntity.created(URI.create(PATH + "/" + block.id())).body(BlockView.of(block));
    }

    @DeleteMapping(PATH + "/{id}")
    @AnyCaller("platform staff whose role allows MANAGE_BLOCKS, checked by the handler")
    ResponseEntity<Void> lift(@PathVariable String id, Authentication authentication) {
        Caller caller = staff(authentication);
        if (!ID.matcher(id).matches() || !blocks.lift(id, caller.accountId())) {
            return ResponseEntity.notFound().build();
        }
        return ResponseEntity.noContent().build();
    }

    private Caller staff(Authentication authentication) {
        return StaffAction.MANAGE_BLOCKS.requireStaff(callers, authentication);
    }

    /** A new block of a client address, for {@code minutes} (at most a year). */
    record NewBlock(
            @NotBlank @Size(max = 45) String address,
            @Min(1) @Max(527_040) long minutes,
            @Size(max = 200) String reason) {}

    /** A block in force: {@code level} 0 for staff's, else the step of the escalation it reached. */
    record BlockView(String id, String kind, String subject, int level, String reason, Instant since, Instant until) {

        static BlockView of(Block block) {
            return new BlockView(
                    block.id(),
                    block.kind().name().toLowerCase(java.util.Locale.ROOT),
                    block.subject(),
                    block.level(),
                    block.reason(),
                    block.since(),
                    block.until());
        }
    }
}
