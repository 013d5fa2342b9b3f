package io.selvedge.identity.internal.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.io.Serializable;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.springframework.security.web.webauthn.api.AttestationConveyancePreference;
import org.springframework.security.web.webauthn.api.AuthenticationExtensionsClientInput;
import org.springframework.security.web.webauthn.api.AuthenticatorAttachment;
import org.springframework.security.web.webauthn.api.AuthenticatorSelectionCriteria;
import org.springframework.security.web.webauthn.api.Bytes;
import org.springframework.security.web.webauthn.api.ImmutableAuthenticationExtensionsClientInput;
import org.springframework.security.web.webauthn.api.ImmutableAuthenticationExtensionsClientInputs;
import org.springframework.security.web.webauthn.api.ImmutablePublicKeyCredentialUserEntity;
import org.springframework.security.web.webauthn.api.PublicKeyCredentialCreationOptions;
import org.springframework.security.web.webauthn.api.PublicKeyCredentialDescriptor;
import org.springframework.security.web.webauthn.api.PublicKeyCredentialParameters;
import org.springframework.security.web.webauthn.api.PublicKeyCredentialRpEntity;
import org.springframework.security.web.webauthn.api.ResidentKeyRequirement;
import org.springframework.security.web.webauthn.api.UserVerificationRequirement;
import org.springframework.security.web.webauthn.registration.PublicKeyCredentialCreationOptionsRepository;

/**
 * Keeps a passkey registration's options in the web session between its two requests, as a serializable
 * copy: sessions live in the database (Spring Session JDBC, Java serialization), and Spring Security's
 * options object is not serializable, so its own session repository fails there.
 */
class SessionCreationOptions implements PublicKeyCredentialCreationOptionsRepository {

    static final String ATTRIBUTE = SessionCreationOptions.class.getName() + ".options";

    private static final List<PublicKeyCredentialParameters> KNOWN_PARAMETERS = List.of(
            PublicKeyCredentialParameters.ES256,
            PublicKeyCredentialParameters.ES384,
            PublicKeyCredentialParameters.ES512,
            PublicKeyCredentialParameters.EdDSA,
            PublicKeyCredentialParameters.RS256,
            PublicKeyCredentialParameters.RS384,
            PublicKeyCredentialParameters.RS512,
            PublicKeyCredentialParameters.RS1);

    @Override
    public void save(
            HttpServletRequest request, HttpServletResponse response, PublicKeyCredentialCreationOptions options) {
        if (options == null) {
            HttpSession session = request.getSession(false);
            if (session != null) {
                session.removeAttribute(ATTRIBUTE);
            }
            return;
        }
        request.getSession().setAttribute(ATTRIBUTE, Stored.of(options));
    }

    @Override
    public PublicKeyCredentialCreationOptions load(HttpServletRequest request) {
        HttpSession session = request.getSession(false);
        return session != null && session.getAttribute(ATTRIBUTE) instanceof Stored stored ? stored.options() : null;
    }

    /** The options, in serializable parts. */
    record Stored(
            String rpId,
            String rpName,
            Bytes userId,
            String userName,
            String userDisplayName,
            Bytes challenge,
            List<Long> algorithms,
            Duration timeout,
            List<PublicKeyCredentialDescriptor> excludeCredentials,
            AuthenticatorAttachment attachment,
            String residentKey,
            UserVerificationRequirement userVerification,
            String attestation,
            List<String> booleanExtensions)
            implements Serializable {

        static Stored of(PublicKeyCredentialCreationOptions options) {
            AuthenticatorSelectionCriteria selection = options.getAuthenticatorSelection();
            List<String> extensions = new ArrayList<>();
            if (options.getExtensions() != null) {
                for (AuthenticationExtensionsClientInput<?> input :
                        options.getExtensions().getInputs()) {
                    if (Boolean.TRUE.equals(input.getInput())) {
                        extensions.add(input.getExtensionId());
                    }
                }
            }
            return new Stored(
                    options.getRp().getId(),
                    options.getRp().getName(),
                    options.getUser().getId(),
                    options.getUser().getName(),
                    options.getUser().getDisplayName(),
                    options.getChallenge(),
                    options.getPubKeyCredParams().stream()
                            .map(parameters -> parameters.getAlg().getValue())
                            .toList(),
                    options.getTimeout(),
                    options.getExcludeCredentials() == null ? List.of() : List.copyOf(options.getExcludeCredentials()),
                    selection == null ? null : selection.getAuthenticatorAttachment(),
                    selection == null || selection.getResidentKey() == null
                            ? null
                            : selection.getResidentKey().getValue(),
                    selection == null ? null : selection.getUserVerification(),
                    options.getAttestation() == null
                            ? null
                            : options.getAttestation().getValue(),
                    List.copyOf(extensions));
        }

        PublicKeyCredentialCreationOptions options() {
            return PublicKeyCredentialCreationOptions.builder()
                    .rp(PublicKeyCredentialRpEntity.builder()
                            .id(rpId)
                            .name(rpName)
                            .build())
                    .user(ImmutablePublicKeyCredentialUserEntity.builder()
                            .id(userId)
                            .name(userName)
                            .displayName(userDisplayName)
                            .build())
                    .challenge(challenge)
                    .pubKeyCredParams(algorithms.stream()
                            .flatMap(algorithm -> KNOWN_PARAMETERS.stream()
                                    .filter(parameters -> parameters.getAlg().getValue() == algorithm))
                            .toList())
                    .timeout(timeout)
                    .excludeCredentials(excludeCredentials)
                    .authenticatorSelection(AuthenticatorSelectionCriteria.builder()
                            .authenticatorAttachment(attachment)
                            .residentKey(residentKey == null ? null : ResidentKeyRequirement.valueOf(residentKey))
                            .userVerification(userVerification)
                            .build())
                    .attestation(attestation == null ? null : AttestationConveyancePreference.valueOf(attestation))
                    .extensions(new ImmutableAuthenticationExtensionsClientInputs(booleanExtensions.stream()
                            .<AuthenticationExtensionsClientInput>map(
                                    id -> new ImmutableAuthenticationExtensionsClientInput<>(id, true))
                            .toList()))
                    .build();
        }

        @Override
        public String toString() {
            return "Stored[(passkey registration options)]";
        }
    }
}
