package dev.sloscout.app.journeys;

import dev.sloscout.pipeline.Analyses;
import dev.sloscout.pipeline.Analysis;
import dev.sloscout.engine.journey.Journey;
import javafx.beans.property.SimpleObjectProperty;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class JourneysViewModelTest {
    private final Analysis demo = Analyses.smallDemo();

    @Test
    void rowsAreRankedAndTheFirstIsSelectedWithItsGraphAndSamples() {
        JourneysViewModel vm = new JourneysViewModel(new SimpleObjectProperty<>(demo));
        assertThat(vm.rows()).extracting(JourneyRow::rank).isSorted().hasSize(demo.journeys().size());
        Journey first = vm.selectedProperty().get().journey();
        assertThat(first.rank()).isEqualTo(1);
        ServiceGraph graph = vm.graphProperty().get();
        assertThat(graph.edges()).extracting(ServiceGraph.Edge::calls)
                .containsExactlyInAnyOrderElementsOf(first.edges().stream().map(Journey.Edge::calls).toList());
        assertThat(vm.samples()).isNotEmpty();
        assertThat(vm.waterfallProperty().get()).as("the first kept sample is shown").isNotNull();
        assertThat(vm.detailsProperty().get()).contains(first.name()).contains("p99");
    }

    @Test
    void aNewAnalysisWithEqualJourneysStillRefreshesTheSelectedJourney() {
        SimpleObjectProperty<Analysis> analysis = new SimpleObjectProperty<>(demo);
        JourneysViewModel vm = new JourneysViewModel(analysis);
        JourneyRow before = vm.selectedProperty().get();
        assertThat(vm.waterfallProperty().get()).isNotNull();

        // the same journeys (equal, even the same objects), but the whole traces are no longer kept
        analysis.set(new Analysis(demo.sources(), demo.summary(), demo.report(), demo.candidates(), demo.capsules(),
                demo.logEvents(), Map.of(), demo.problems(), demo.cancelled(), demo.metricHistories(),
                demo.traceSources(), demo.logSources(), demo.logProblems(), demo.redactions(), demo.losses(),
                demo.dataQuality()));

        JourneyRow after = vm.selectedProperty().get();
        assertThat(after).as("a row of the new analysis").isNotSameAs(before).isNotEqualTo(before);
        assertThat(after.id()).as("the user's journey stays selected").isEqualTo(before.id());
        assertThat(vm.samples()).isNotEmpty().noneMatch(JourneysViewModel.SampleTrace::kept);
        assertThat(vm.waterfallProperty().get()).as("no kept trace left to draw").isNull();
    }

    @Test
    void allJourneysMergesEdgesAndTheFiltersNarrowIt() {
        SimpleObjectProperty<Analysis> analysis = new SimpleObjectProperty<>(demo);
        JourneysViewModel vm = new JourneysViewModel(analysis);
        int oneJourneyEdges = vm.graphProperty().get().edges().size();
        vm.allJourneysProperty().set(true);
        ServiceGraph all = vm.graphProperty().get();
        long totalCalls = demo.journeys().stream().flatMap(j -> j.edges().stream()).mapToLong(Journey.Edge::calls).sum();
        assertThat(all.edges().stream().mapToLong(ServiceGraph.Edge::calls).sum()).isEqualTo(totalCalls);
        assertThat(all.edges().size()).isGreaterThanOrEqualTo(oneJourneyEdges);

        long busiest = all.maxCalls();
        vm.minCallsProperty().set(busiest);
        assertThat(vm.graphProperty().get().edges()).allSatisfy(e -> assertThat(e.calls()).isEqualTo(busiest));

        vm.minCallsProperty().set(0);
        ServiceGraph.Edge edge = all.edges().get(0);
        vm.focusProperty().set(edge.from());
        vm.hopsProperty().set(1);
        ServiceGraph focused = vm.graphProperty().get();
        assertThat(focused.nodes()).extracting(ServiceGraph.Node::id).contains(edge.from(), edge.to());
        assertThat(focused.edges()).allSatisfy(e -> assertThat(e.from().equals(edge.from()) || e.to().equals(edge.from())
                || focused.node(e.from()) != null && focused.node(e.to()) != null).isTrue());
        assertThat(focused.nodes().size()).isLessThanOrEqualTo(all.nodes().size());
    }

    @Test
    void clickingANodeOrAnEdgeExplainsIt() {
        JourneysViewModel vm = new JourneysViewModel(new SimpleObjectProperty<>(demo));
        ServiceGraph.Edge edge = vm.graphProperty().get().edges().get(0);
        vm.selectEdge(edge.from(), edge.to());
        assertThat(vm.detailsProperty().get()).contains(edge.from() + " -> " + edge.to())
                .contains(String.format("%,d calls", edge.calls()));
        vm.selectNode(edge.to());
        assertThat(vm.detailsProperty().get()).startsWith("Service " + edge.to()).contains("calls received");
    }

    @Test
    void aTraceLinkSelectsItsJourneyAndShowsTheWaterfall() {
        JourneysViewModel vm = new JourneysViewModel(new SimpleObjectProperty<>(demo));
        JourneyRow last = vm.rows().get(vm.rows().size() - 1);
        String traceId = last.journey().sampleTraceIds().get(0);
        assertThat(vm.reveal(traceId)).isTrue();
        assertThat(vm.selectedProperty().get()).isEqualTo(last);
        assertThat(vm.waterfallProperty().get().traceId()).isEqualTo(traceId);
        assertThat(vm.reveal("ffffffffffffffffffffffffffffffff")).isFalse();
    }

    @Test
    void operationsModeDrawsTheKeptTracesSpansAndClicksNarrowTheSamples() {
        JourneysViewModel vm = new JourneysViewModel(new SimpleObjectProperty<>(demo));
        Journey journey = vm.selectedProperty().get().journey();
        vm.operationsProperty().set(true);
        ServiceGraph ops = vm.graphProperty().get();
        assertThat(ops.nodes()).extracting(ServiceGraph.Node::id)
                .contains(journey.entry().service() + " " + journey.entry().operation());
        long keptSpans = demo.sampleTraces().entrySet().stream()
                .filter(e -> journey.sampleTraceIds().contains(e.getKey()) || journey.errorTraceIds().contains(e.getKey()))
                .mapToLong(e -> e.getValue().spans().size()).sum();
        assertThat(ops.nodes().stream().mapToLong(ServiceGraph.Node::callsIn).sum()).isEqualTo(keptSpans);
        assertThat(ops.edges()).allSatisfy(e -> assertThat(e.p99Ms()).isGreaterThanOrEqualTo(e.p50Ms()));

        int all = vm.samples().size();
        ServiceGraph.Edge rare = ops.edges().stream().min(java.util.Comparator.comparingLong(ServiceGraph.Edge::calls)).orElseThrow();
        vm.selectEdge(rare.from(), rare.to());
        assertThat(vm.samples()).isNotEmpty().hasSizeLessThanOrEqualTo(all);
        assertThat(vm.samples()).allSatisfy(t -> assertThat(demo.sampleTraces().get(t.traceId()).spans())
                .anySatisfy(span -> assertThat(span.serviceName() + " " + span.name()).isEqualTo(rare.to())));
        vm.operationsProperty().set(false);
        ServiceGraph.Node service = vm.graphProperty().get().nodes().get(0);
        vm.selectNode(service.id());
        assertThat(vm.samples()).allSatisfy(t -> assertThat(demo.sampleTraces().get(t.traceId()).spans())
                .anySatisfy(span -> assertThat(span.serviceName()).isEqualTo(service.id())));
    }
}
