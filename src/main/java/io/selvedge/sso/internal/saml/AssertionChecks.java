package io.selvedge.sso.internal.saml;

import static io.selvedge.sso.internal.saml.SamlXml.ASSERTION;

import io.selvedge.sso.internal.saml.SamlRefusal.Reason;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import lombok.RequiredArgsConstructor;
import org.jspecify.annotations.Nullable;
import org.w3c.dom.Element;

/**
 * The checks of one signed assertion (issuer, audience, subject confirmation, conditions, authentication
 * statement) and the reading of the person from it, all at one instant with the given skew.
 */
@RequiredArgsConstructor
final class AssertionChecks {

    private static final List<String> EMAIL = List.of(
            "email", "mail", "emailAddress", "http://schemas.xmlsoap.org/ws/2005/05/identity/claims/emailaddress");
    private static final List<String> NAME =
            List.of("displayName", "name", "http://schemas.microsoft.com/identity/claims/displayname");
    private static final List<String> GIVEN_NAME =
            List.of("givenName", "firstName", "http://schemas.xmlsoap.org/ws/2005/05/identity/claims/givenname");
    private static final List<String> SURNAME =
            List.of("surname", "sn", "lastName", "http://schemas.xmlsoap.org/ws/2005/05/identity/claims/surname");

    private final ServiceProvider sp;
    private final IdpMetadata idp;
    private final Collection<String> outstandingRequests;
    private final Instant now;
    private final Duration skew;
    private Instant usableUntil;

    /** The latest instant the checked assertion may still be presented (its replay entry lives that long). */
    Instant usableUntil() {
        return usableUntil;
    }

    SamlAssertion read(Element assertion, String groupsAttribute) throws SamlRefusal {
        if (!"2.0".equals(assertion.getAttributeNS(null, "Version"))) {
            throw new SamlRefusal(Reason.MALFORMED, "not a SAML 2.0 assertion");
        }
        String id = SamlXml.attribute(assertion, "ID");
        if (!idp.entityId().equals(SamlXml.text(SamlXml.child(assertion, ASSERTION, "Issuer")))) {
            throw new SamlRefusal(Reason.WRONG_ISSUER, "the assertion is from another issuer");
        }
        if (instant(assertion, "IssueInstant", true).isAfter(now.plus(skew))) {
            throw new SamlRefusal(Reason.NOT_YET_VALID, "issued in the future");
        }
        Element subject = required(assertion, "Subject");
        if (SamlXml.child(subject, ASSERTION, "EncryptedID") != null) {
            throw new SamlRefusal(Reason.ENCRYPTED_UNSUPPORTED, "an encrypted NameID");
        }
        Element nameId = required(subject, "NameID");
        String name = SamlXml.text(nameId);
        if (name == null) {
            throw new SamlRefusal(Reason.MALFORMED, "an empty NameID");
        }
        Instant confirmedUntil = checkConfirmation(subject);
        Instant conditionsUntil = checkConditions(required(assertion, "Conditions"));
        usableUntil =
                conditionsUntil == null || confirmedUntil.isBefore(conditionsUntil) ? confirmedUntil : conditionsUntil;
        Element authn = SamlXml.children(assertion, ASSERTION, "AuthnStatement").stream()
                .findFirst()
                .orElseThrow(() -> new SamlRefusal(Reason.MALFORMED, "no authentication statement"));
        Instant sessionEnd = instant(authn, "SessionNotOnOrAfter", false);
        if (sessionEnd != null && !now.isBefore(sessionEnd.plus(skew))) {
            throw new SamlRefusal(Reason.EXPIRED, "the IdP session has ended");
        }
        Element context = SamlXml.child(authn, ASSERTION, "AuthnContext");
        String classRef =
                context == null ? null : SamlXml.text(SamlXml.child(context, ASSERTION, "AuthnContextClassRef"));
        Map<String, List<String>> attributes = attributes(assertion);
        String format = SamlXml.attribute(nameId, "Format");
        String email = SamlXml.EMAIL_FORMAT.equals(format) ? name : first(attributes, EMAIL);
        if (email == null || !email.matches("[^@\\s]{1,64}@[^@\\s]{1,253}")) {
            throw new SamlRefusal(Reason.NO_EMAIL, "no e-mail address in the NameID or an email attribute");
        }
        return new SamlAssertion(
                idp.entityId(),
                id,
                name,
                format,
                email,
                displayName(attributes),
                attributes.getOrDefault(groupsAttribute, List.of()),
                classRef,
                sessionEnd);
    }

    /** At least one bearer confirmation for our ACS, in time, answering a request of this browser. */
    private Instant checkConfirmation(Element subject) throws SamlRefusal {
        SamlRefusal first = null;
        for (Element confirmation : SamlXml.children(subject, ASSERTION, "SubjectConfirmation")) {
            if (!SamlXml.BEARER.equals(confirmation.getAttributeNS(null, "Method"))) {
                continue;
            }
            try {
                Element data = SamlXml.child(confirmation, ASSERTION, "SubjectConfirmationData");
                if (data == null) {
                    throw new SamlRefusal(Reason.MALFORMED, "a bearer confirmation without data");
                }
                if (!sp.acsUrl().equals(SamlXml.attribute(data, "Recipient"))) {
                    throw new SamlRefusal(Reason.WRONG_RECIPIENT, "confirmed for another recipient");
                }
                Instant notBefore = instant(data, "NotBefore", false);
                if (notBefore != null && now.isBefore(notBefore.minus(skew))) {
                    throw new SamlRefusal(Reason.NOT_YET_VALID, "confirmation not yet valid");
                }
                Instant notOnOrAfter = instant(data, "NotOnOrAfter", true);
                if (!now.isBefore(notOnOrAfter.plus(skew))) {
                    throw new SamlRefusal(Reason.EXPIRED, "confirmation expired");
                }
                String inResponseTo = SamlXml.attribute(data, "InResponseTo");
                if (inResponseTo == null || !outstandingRequests.contains(inResponseTo)) {
                    throw new SamlRefusal(Reason.UNKNOWN_REQUEST, "confirmed for no request of this browser");
                }
                return notOnOrAfter;
            } catch (SamlRefusal refusal) {
                first = first == null ? refusal : first;
            }
        }
        throw first != null ? first : new SamlRefusal(Reason.MALFORMED, "no bearer subject confirmation");
    }

    @Nullable
    private Instant checkConditions(Element conditions) throws SamlRefusal {
        Instant notBefore = instant(conditions, "NotBefore", false);
        if (notBefore != null && now.isBefore(notBefore.minus(skew))) {
            throw new SamlRefusal(Reason.NOT_YET_VALID, "conditions not yet valid");
        }
        Instant notOnOrAfter = instant(conditions, "NotOnOrAfter", false);
        if (notOnOrAfter != null && !now.isBefore(notOnOrAfter.plus(skew))) {
            throw new SamlRefusal(Reason.EXPIRED, "conditions expired");
        }
        List<Element> restrictions = SamlXml.children(conditions, ASSERTION, "AudienceRestriction");
        if (restrictions.isEmpty()) {
            throw new SamlRefusal(Reason.WRONG_AUDIENCE, "no audience restriction");
        }
        for (Element restriction : restrictions) {
            boolean ours = false;
            for (Element audience : SamlXml.children(restriction, ASSERTION, "Audience")) {
                ours |= sp.entityId().equals(SamlXml.text(audience));
            }
            if (!ours) {
                throw new SamlRefusal(Reason.WRONG_AUDIENCE, "meant for another audience");
            }
        }
        return notOnOrAfter;
    }

    private static Map<String, List<String>> attributes(Element assertion) {
        Map<String, List<String>> attributes = new LinkedHashMap<>();
        for (Element statement : SamlXml.children(assertion, ASSERTION, "AttributeStatement")) {
            for (Element attribute : SamlXml.children(statement, ASSERTION, "Attribute")) {
                List<String> values = new ArrayList<>();
                for (Element value : SamlXml.children(attribute, ASSERTION, "AttributeValue")) {
                    String text = SamlXml.text(value);
                    if (text != null) {
                        values.add(text);
                    }
                }
                for (String key :
                        new String[] {SamlXml.attribute(attribute, "Name"), SamlXml.attribute(attribute, "FriendlyName")
                        }) {
                    if (key != null) {
                        attributes.computeIfAbsent(key, k -> new ArrayList<>()).addAll(values);
                    }
                }
            }
        }
        return attributes;
    }

    @Nullable
    private static String displayName(Map<String, List<String>> attributes) {
        String name = first(attributes, NAME);
        if (name != null) {
            return name;
        }
        String given = first(attributes, GIVEN_NAME);
        String surname = first(attributes, SURNAME);
        String joined = ((given == null ? "" : given) + " " + (surname == null ? "" : surname)).strip();
        return joined.isEmpty() ? null : joined;
    }

    @Nullable
    private static String first(Map<String, List<String>> attributes, List<String> names) {
        for (String name : names) {
            List<String> values = attributes.get(name);
            if (values != null && !values.isEmpty()) {
                return values.get(0);
            }
        }
        return null;
    }

    private static Element required(Element parent, String localName) throws SamlRefusal {
        Element element = SamlXml.child(parent, ASSERTION, localName);
        if (element == null) {
            throw new SamlRefusal(Reason.MALFORMED, "no " + localName + " in " + parent.getLocalName());
        }
        return element;
    }

    @Nullable
    private static Instant instant(Element element, String attribute, boolean required) throws SamlRefusal {
        String value = SamlXml.attribute(element, attribute);
        if (value == null) {
            if (required) {
                throw new SamlRefusal(Reason.MALFORMED, "no " + attribute + " in " + element.getLocalName());
            }
            return null;
        }
        try {
            return OffsetDateTime.parse(value).toInstant();
        } catch (DateTimeParseException e) {
            throw new SamlRefusal(Reason.MALFORMED, attribute + " is not a date-time in UTC");
        }
    }
}
