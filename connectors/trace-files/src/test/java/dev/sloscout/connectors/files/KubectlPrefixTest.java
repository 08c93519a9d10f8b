package dev.sloscout.connectors.files;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class KubectlPrefixTest {
    /** The container and the line after the prefix, as {@code container|line}, or null when there is no prefix. */
    private static String read(String line) {
        byte[] bytes = ("##" + line + "##").getBytes(StandardCharsets.UTF_8); // offsets inside a larger buffer
        int end = bytes.length - 2;
        int at = KubectlPrefix.contentStart(bytes, 2, end);
        return at < 0 ? null : KubectlPrefix.container(bytes, 2, at) + "|" + new String(bytes, at, end - at,
                StandardCharsets.UTF_8);
    }

    @Test
    void thePrefixNamesTheContainerAndIsTakenOff() {
        assertThat(read("[pod/checkout-7d9f8b6c5d-x2x9z/checkout] GET /cart 200")).isEqualTo("checkout|GET /cart 200");
        assertThat(read("[pod/cart-6b8f7c9d5f-q7w2z/istio-proxy] [2024-03-01T12:00:00Z] \"GET /\""))
                .isEqualTo("istio-proxy|[2024-03-01T12:00:00Z] \"GET /\"");
        assertThat(read("[pod/cart-6b8f7c9d5f-q7w2z/cart]")).isEqualTo("cart|");
    }

    @Test
    void bracketsThatOnlyLookLikeItAreLeftAlone() {
        assertThat(read("[pod/checkout] no container")).isNull();
        assertThat(read("[pod/a/b/c] one part too many")).isNull();
        assertThat(read("[pod//c] no pod")).isNull();
        assertThat(read("[pod/a/] no container name")).isNull();
        assertThat(read("[pod/a/b]no space")).isNull();
        assertThat(read("[pod/a b/c] a space")).isNull();
        assertThat(read("[podcast] INFO hello")).isNull();
        assertThat(read("[main] INFO hello")).isNull();
    }
}
