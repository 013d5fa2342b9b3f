package io.selvedge.web.admin;

import io.selvedge.access.Action;
import io.selvedge.access.Requires;
import io.selvedge.access.SecurityPolicies;
import io.selvedge.access.SecurityPolicy;
import io.selvedge.access.SecurityPolicyRefusedException;
import jakarta.servlet.http.HttpServletResponse;
import java.time.Duration;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import lombok.RequiredArgsConstructor;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;

/**
 * The group's security policy as a form: read-only for group operators, saved by group admins against the
 * version they read (409 when someone saved meanwhile); a refused setting (422) is shown beside its field.
 */
@Controller
@RequiredArgsConstructor
class SecurityPolicyController {

    /** A week: a longer limit is a typo; the access module refuses limits looser than the installation's. */
    private static final long LONGEST_LIMIT_MINUTES = 7 * 24 * 60;

    private final AdminPage page;
    private final SecurityPolicies policies;

    @GetMapping("/admin/groups/{groupId}/security")
    @Requires(value = Action.VIEW_GROUP_SETTINGS, target = "groupId")
    String show(@PathVariable UUID groupId, Model model) {
        return form(groupId, PolicyForm.of(policies.policyOf(groupId)), Map.of(), model);
    }

    @PostMapping("/admin/groups/{groupId}/security")
    @Requires(value = Action.CHANGE_SECURITY_POLICY, target = "groupId")
    String save(
            @PathVariable UUID groupId,
            @ModelAttribute PolicyForm submitted,
            HttpServletResponse response,
            Model model) {
        Map<String, String> errors = new LinkedHashMap<>();
        Duration idle = minutes(submitted.idleMinutes(), "idleMinutes", errors);
        Duration absolute = minutes(submitted.absoluteMinutes(), "absoluteMinutes", errors);
        if (!errors.isEmpty()) {
            response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
            return form(groupId, submitted, errors, model);
        }
        SecurityPolicies.Change change = new SecurityPolicies.Change(
                submitted.mfaRequired(),
                idle,
                absolute,
                !"sso".equals(submitted.signIn()),
                submitted.blocks(),
                submitted.linkDownloadsForAnyone());
        try {
            policies.change(groupId, change, submitted.version());
        } catch (SecurityPolicyRefusedException e) {
            response.setStatus(e.getStatusCode().value());
            if (e.getStatusCode().value() == HttpStatus.CONFLICT.value()) {
                model.addAttribute("stale", true);
            } else {
                errors.put(fieldOf(e.getMessage()), e.getMessage());
            }
            return form(groupId, submitted, errors, model);
        }
        return "redirect:/admin/groups/" + groupId + "/security?saved";
    }

    private String form(UUID groupId, PolicyForm form, Map<String, String> errors, Model model) {
        page.frame(model, groupId, Section.SECURITY);
        SecurityPolicy current = policies.policyOf(groupId);
        model.addAttribute("policy", current);
        model.addAttribute("form", form);
        model.addAttribute("errors", errors);
        model.addAttribute("changes", page.allows(Action.CHANGE_SECURITY_POLICY, groupId));
        return "admin/security";
    }

    @Nullable
    private Duration minutes(String text, String field, Map<String, String> errors) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            long minutes = Long.parseLong(text.strip());
            if (minutes >= 1 && minutes <= LONGEST_LIMIT_MINUTES) {
                return Duration.ofMinutes(minutes);
            }
        } catch (NumberFormatException e) {
            // Shown beside the field, below.
        }
        errors.put(field, page.text("admin.security.badMinutes", LONGEST_LIMIT_MINUTES));
        return null;
    }

    /** Which field a refusal of the access module is about, from its message (else the form's top). */
    private static String fieldOf(String message) {
        String lower = message == null ? "" : message.toLowerCase(Locale.ROOT);
        if (lower.contains("allow-list") || lower.contains("cidr") || lower.contains("address")) {
            return "ipAllowList";
        }
        if (lower.contains("idle")) {
            return "idleMinutes";
        }
        if (lower.contains("absolute")) {
            return "absoluteMinutes";
        }
        if (lower.contains("single sign-on") || lower.contains("password")) {
            return "signIn";
        }
        return "form";
    }

    /**
     * What the form shows and sends; {@code signIn} is {@code password} or {@code sso}. An unticked box is
     * not sent: false.
     */
    record PolicyForm(
            boolean mfaRequired,
            String idleMinutes,
            String absoluteMinutes,
            String signIn,
            String ipAllowList,
            boolean linkDownloadsForAnyone,
            @Nullable Long version) {

        PolicyForm {
            idleMinutes = idleMinutes == null ? "" : idleMinutes;
            absoluteMinutes = absoluteMinutes == null ? "" : absoluteMinutes;
            signIn = signIn == null ? "password" : signIn;
            ipAllowList = ipAllowList == null ? "" : ipAllowList;
        }

        static PolicyForm of(SecurityPolicy policy) {
            return new PolicyForm(
                    policy.mfaRequired(),
                    policy.idleTimeout() == null
                            ? ""
                            : Long.toString(policy.idleTimeout().toMinutes()),
                    policy.absoluteTimeout() == null
                            ? ""
                            : Long.toString(policy.absoluteTimeout().toMinutes()),
                    policy.passwordSignIn() ? "password" : "sso",
                    String.join("\n", policy.ipAllowList()),
                    policy.linkDownloadsForAnyone(),
                    policy.version());
        }

        /** The allow-list's blocks, one a line, blank lines left out. */
        List<String> blocks() {
            return Arrays.stream(ipAllowList.split("\\R"))
                    .map(String::strip)
                    .filter(line -> !line.isEmpty())
                    .toList();
        }
    }
}
