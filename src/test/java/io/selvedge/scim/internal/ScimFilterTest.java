package io.selvedge.scim.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.selvedge.scim.internal.ScimFilter.Comparison;
import org.junit.jupiter.api.Test;

class ScimFilterTest {

    @Test
    void readsTheEqualityFiltersOktaAndEntraSend() {
        assertThat(ScimFilter.parse("userName eq \"ada@maison.example\"").comparisons())
                .containsExactly(new Comparison("username", "ada@maison.example"));
        assertThat(ScimFilter.parse("externalId EQ \"00ujl29u0le5T6Aj10h7\"").comparisons())
                .containsExactly(new Comparison("externalid", "00ujl29u0le5T6Aj10h7"));
        assertThat(ScimFilter.parse("emails[type eq \"work\"].value eq \"a@b.example\"")
                        .comparisons())
                .containsExactly(new Comparison("emails.value", "a@b.example"));
        assertThat(ScimFilter.parse("displayName eq \"Designers \\\"EU\\\"\" and active eq true")
                        .comparisons())
                .containsExactly(new Comparison("displayname", "Designers \"EU\""), new Comparison("active", "true"));
        assertThat(ScimFilter.parse(null).comparisons()).isEmpty();
    }

    @Test
    void refusesWhatItDoesNotUnderstandRatherThanGuessing() {
        for (String filter : new String[] {
            "userName sw \"ada\"",
            "userName eq ada",
            "userName eq \"a\" or userName eq \"b\"",
            "(userName eq \"a\")",
            "userName eq \"a\" and",
            "emails[value co \"x\"].value eq \"y\""
        }) {
            assertThatThrownBy(() -> ScimFilter.parse(filter))
                    .as(filter)
                    .isInstanceOf(ScimException.class)
                    .extracting(e -> ((ScimException) e).scimType())
                    .isEqualTo("invalidFilter");
        }
    }
}
