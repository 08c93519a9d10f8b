package dev.sloscout.engine.sli;

import org.junit.jupiter.api.Test;

import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

class PromQlTest {

    @Test
    void hostileLabelValuesAreQuotedSafely() {
        assertThat(PromQl.quote("pay\"ments\\")).isEqualTo("\"pay\\\"ments\\\\\"");
        assertThat(PromQl.quote("a\nb}")).isEqualTo("\"a\\nb}\"");
        assertThat(PromQl.quote("ünïcode ☃")).isEqualTo("\"ünïcode ☃\"");
    }

    @Test
    void templatesWithPlaceholdersBecomeAnchoredRegexes() {
        String matcher = PromQl.operationMatcher("span_name", "GET /orders/<NUM>/items.json");
        assertThat(matcher).isEqualTo("span_name=~\"GET /orders/[^/]+/items\\\\.json\"");
        String regex = "GET /orders/[^/]+/items\\.json";
        assertThat(Pattern.matches(regex, "GET /orders/123/items.json")).isTrue();
        assertThat(Pattern.matches(regex, "GET /orders/123/itemsXjson")).isFalse();
        assertThat(PromQl.operationMatcher("span_name", "GET /cart/{userId}")).isEqualTo("span_name=\"GET /cart/{userId}\"");
        assertThat(PromQl.operationMatcher("x", "a<b>c")).isEqualTo("x=\"a<b>c\"");
        assertThat(PromQl.operationMatcher("span_name", "GET /users/<EMAIL>/reset/<SECRET:jwt>"))
                .isEqualTo("span_name=~\"GET /users/[^/]+/reset/[^/]+\"");
    }

    @Test
    void bucketBoundsPrintAsPrometheusDoes() {
        assertThat(PromQl.le(0.1)).isEqualTo("0.1");
        assertThat(PromQl.le(250)).isEqualTo("250");
        assertThat(PromQl.le(0.075)).isEqualTo("0.075");
    }
}
