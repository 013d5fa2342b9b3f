package io.selvedge.scim.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.selvedge.scim.internal.ScimFilter.Comparison;
import io.selvedge.scim.internal.ScimFilter.Operator;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class ScimFilterTest {

    /** Ada as a directory filters her: userName and names ignore case, externalId does not. */
    private static final ScimFilter.Resource ADA = attribute -> Map.of(
                    "username", ScimFilter.Values.of("ada@maison.example", false),
                    "externalid", ScimFilter.Values.of("00uJL29", true),
                    "name.givenname", ScimFilter.Values.of("Ada", false),
                    "active", ScimFilter.Values.of("true", false))
            .getOrDefault(attribute, ScimFilter.Values.of(null, false));

    @Test
    void readsTheComparisonsOktaAndEntraSend() {
        assertThat(ScimFilter.parse("userName eq \"ada@maison.example\"").comparisons())
                .containsExactly(new Comparison("username", Operator.EQ, "ada@maison.example"));
        assertThat(ScimFilter.parse("externalId EQ \"00ujl29u0le5T6Aj10h7\"").comparisons())
                .containsExactly(new Comparison("externalid", Operator.EQ, "00ujl29u0le5T6Aj10h7"));
        assertThat(ScimFilter.parse("emails[type eq \"work\"].value eq \"a@b.example\"")
                        .comparisons())
                .containsExactly(new Comparison("emails.value", Operator.EQ, "a@b.example"));
        assertThat(ScimFilter.parse("displayName eq \"Designers \\\"EU\\\"\" and active eq true")
                        .comparisons())
                .containsExactly(
                        new Comparison("displayname", Operator.EQ, "Designers \"EU\""),
                        new Comparison("active", Operator.EQ, "true"));
        assertThat(ScimFilter.parse("title pr").comparisons())
                .containsExactly(new Comparison("title", Operator.PR, null));
        assertThat(ScimFilter.parse(null).comparisons()).isEmpty();
    }

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            value = {
                "userName eq \"ADA@maison.example\"                                  | true",
                "userName sw \"ada@\"                                                | true",
                "userName ew \"@maison.example\"                                     | true",
                "userName co \"MAISON\"                                              | true",
                "userName co \"loup\"                                                | false",
                "externalId eq \"00ujl29\"                                           | false",
                "externalId eq \"00uJL29\"                                           | true",
                "userName ne \"bob@maison.example\"                                  | true",
                "name.familyName ne \"Byron\"                                        | true",
                "name.givenName pr                                                   | true",
                "name.familyName pr                                                  | false",
                "userName eq \"bob@maison.example\" or externalId eq \"00uJL29\"     | true",
                "userName eq \"bob@maison.example\" or name.givenName eq \"bob\"     | false",
                "active eq true and (name.givenName sw \"a\" or userName eq \"x\")   | true",
                "userName eq \"x\" or active eq true and name.familyName pr          | false",
                "not (userName eq \"bob@maison.example\")                            | true",
                "NOT (name.givenName eq \"ada\")                                     | false"
            })
    void matchesAsTheRfcSays(String filter, boolean matches) {
        assertThat(ScimFilter.parse(filter).matches(ADA)).as(filter).isEqualTo(matches);
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "userName gt \"ada\"",
                "userName le \"ada\"",
                "userName lk \"ada\"",
                "userName eq ada",
                "userName eq 42",
                "userName eq \"a\" and",
                "userName eq \"a\" or or userName eq \"b\"",
                "(userName eq \"a\"",
                "userName eq \"a\")",
                "not userName eq \"a\"",
                "userName eq \"unclosed",
                "emails[value co \"x\"].value eq \"y\"",
                "userName eq \"a\" ; drop",
                "userName"
            })
    void refusesWhatItDoesNotUnderstandRatherThanGuessing(String filter) {
        assertThatThrownBy(() -> ScimFilter.parse(filter))
                .as(filter)
                .isInstanceOf(ScimException.class)
                .extracting(e -> ((ScimException) e).scimType())
                .isEqualTo("invalidFilter");
    }

    @Test
    void refusesAnAttributeTheResourceDoesNotFilterBy() {
        assertThatThrownBy(() -> ScimFilter.parse("title pr or userName eq \"a\"")
                        .on(java.util.Set.of("username"), "Users are filtered by userName."))
                .isInstanceOf(ScimException.class)
                .extracting(e -> ((ScimException) e).scimType())
                .isEqualTo("invalidFilter");
        assertThatThrownBy(() -> ScimFilter.parse("(".repeat(40) + "userName eq \"a\"" + ")".repeat(40)))
                .isInstanceOf(ScimException.class);
    }
}
