package dev.sloscout.app.journeys;

import dev.sloscout.engine.journey.Journey;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class ServiceGraphTest {
    private static Journey journey(String name, String entry, long traces, long errors, List<Journey.Edge> edges) {
        return new Journey("j-" + name, name, new Journey.Entry(entry, "op"), false, List.of(), traces, errors,
                (double) errors / traces, new Journey.Latency(1, 2, 3, 4, 5), 0.5, List.of(entry), edges,
                new Journey.CriticalPath(List.of(), 0), 1, List.of(), 1, List.of(), List.of(), List.of());
    }

    private static final Journey CHECKOUT = journey("checkout", "gateway", 100, 5, List.of(
            new Journey.Edge("gateway", "checkout", 100, 5, 10, 20),
            new Journey.Edge("checkout", "payment", 100, 4, 5, 9),
            new Journey.Edge("checkout", "db", 300, 0, 1, 2),
            new Journey.Edge("payment", "db", 100, 0, 1, 3)));
    private static final Journey BROWSE = journey("browse", "gateway", 50, 0, List.of(
            new Journey.Edge("gateway", "catalog", 50, 0, 3, 6),
            new Journey.Edge("catalog", "db", 50, 0, 1, 2)));

    @Test
    void journeysMergeIntoOneGraphWithSummedCalls() {
        ServiceGraph g = ServiceGraph.of(List.of(CHECKOUT, BROWSE));
        assertThat(g.nodes()).extracting(ServiceGraph.Node::id)
                .containsExactlyInAnyOrder("gateway", "checkout", "payment", "db", "catalog");
        assertThat(g.node("db").callsIn()).isEqualTo(450);
        assertThat(g.node("gateway").entry()).isTrue();
        assertThat(g.node("gateway").callsIn()).as("entry requests").isEqualTo(150);
        assertThat(g.node("checkout").errorRatio()).isEqualTo(0.05);
        assertThat(g.edge("checkout", "db").journeys()).containsExactly("checkout");
        assertThat(g.node("db").journeys()).containsExactlyInAnyOrder("checkout", "browse");
    }

    @Test
    void layersPutCallersLeftOfCalleesAndTheLongestChainDecides() {
        List<List<String>> layers = ServiceGraph.of(List.of(CHECKOUT, BROWSE)).layers();
        assertThat(layers).containsExactly(List.of("gateway"), List.of("checkout", "catalog"), List.of("payment"), List.of("db"));
    }

    @Test
    void aCycleStillPlacesEveryNode() {
        Journey loop = journey("loop", "a", 10, 0, List.of(new Journey.Edge("a", "b", 10, 0, 1, 1),
                new Journey.Edge("b", "c", 10, 0, 1, 1), new Journey.Edge("c", "b", 3, 0, 1, 1)));
        List<List<String>> layers = ServiceGraph.of(List.of(loop)).layers();
        assertThat(layers.stream().flatMap(List::stream)).containsExactlyInAnyOrder("a", "b", "c");
        assertThat(layers.get(0)).containsExactly("a");
    }

    @Test
    void filtersKeepEntriesAndWhatTheRemainingCallsTouch() {
        ServiceGraph g = ServiceGraph.of(List.of(CHECKOUT, BROWSE));
        ServiceGraph busy = g.withMinCalls(100);
        assertThat(busy.edges()).extracting(ServiceGraph.Edge::id)
                .containsExactlyInAnyOrder("gateway->checkout", "checkout->payment", "checkout->db", "payment->db");
        assertThat(busy.node("catalog")).isNull();
        ServiceGraph around = g.around("payment", 1);
        assertThat(around.nodes()).extracting(ServiceGraph.Node::id).containsExactlyInAnyOrder("payment", "checkout", "db");
        assertThat(g.around("payment", 2).nodes()).hasSize(5);
        assertThat(g.around("nobody", 1)).isSameAs(g);
    }
}
