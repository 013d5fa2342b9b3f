package io.selvedge.web;

import io.selvedge.identity.PasswordRejectedException;
import java.util.Locale;
import org.springframework.context.MessageSource;

/**
 * A refusal of another module, as a page says it: a refused password in the page's language (from the rule it
 * broke); any other refusal in the module's own (English) words.
 */
public final class Refusals {

    private Refusals() {}

    public static String inWords(RuntimeException refusal, MessageSource messages, Locale locale) {
        if (refusal instanceof PasswordRejectedException rejected && rejected.reason() != null) {
            return messages.getMessage(
                    "password.policy." + rejected.reason().rule().name(),
                    new Object[] {rejected.reason().limit()},
                    rejected.getMessage(),
                    locale);
        }
        return refusal.getMessage();
    }
}
