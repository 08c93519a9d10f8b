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
        assertThat(PromQl.quote("a{{.window}}$b {c}")).isEqualTo("\"a\\x7b{.window}}\\x24b {c}\"");
        assertThat(PromQl.regexLiteral("a$b")).isEqualTo("a\\x24b");
    }

    @Test
    void templatesWithPlaceholdersBecomeAnchoredRegexes() {
        String matcher = PromQl.operationMatcher("span_name", "GET /orders/<NUM>/items.json");
        assertThat(matcher).isEqualTo("span_name=~\"GET /orders/[0-9]+/items\\\\.json\"");
        String regex = "GET /orders/[0-9]+/items\\.json";
        assertThat(Pattern.matches(regex, "GET /orders/123/items.json")).isTrue();
        assertThat(Pattern.matches(regex, "GET /orders/123/itemsXjson")).isFalse();
        assertThat(PromQl.operationMatcher("span_name", "GET /cart/{userId}")).isEqualTo("span_name=\"GET /cart/{userId}\"");
        assertThat(PromQl.operationMatcher("x", "a<b>c")).isEqualTo("x=\"a<b>c\"");
        assertThat(PromQl.operationMatcher("span_name", "GET /users/<EMAIL>/reset/<SECRET:jwt>"))
                .isEqualTo("span_name=~\"GET /users/[^/@]+@[^/]+/reset/[^/]+\"");
        String orders = PromQl.operationMatcher("span_name", "GET /orders/<NUM>");
        String ordersRegex = orders.substring(orders.indexOf('"') + 1, orders.length() - 1);
        assertThat("GET /orders/42").matches(ordersRegex);
        assertThat("GET /orders/recent").doesNotMatch(ordersRegex);
        for (String template : java.util.List.of("GET /orders/<NUM>/x/<UUID>", "/b/<HEX>/<ID>", "/i/<TOKEN>",
                "/u/<EMAIL>/<IP>", "/c/<CARD>/<SSN>", "/r/<SECRET:jwt>")) {
            String m = PromQl.operationMatcher("op", template);
            assertThat(PromQl.example(template)).as(template).matches(m.substring(m.indexOf('"') + 1, m.length() - 1)
                    .replace("\\\\", "\\"));
        }
    }

    @Test
    void bucketBoundsPrintAsPrometheusDoes() {
        assertThat(PromQl.le(0.1)).isEqualTo("0.1");
        assertThat(PromQl.le(250)).isEqualTo("250");
        assertThat(PromQl.le(0.075)).isEqualTo("0.075");
    }
}
