package dev.sloscout.app.capsules;

import dev.sloscout.pipeline.Analyses;
import dev.sloscout.pipeline.Analysis;
import dev.sloscout.pipeline.Pipeline;
import dev.sloscout.pipeline.PipelineOptions;
import dev.sloscout.pipeline.SpanOperations;
import dev.sloscout.app.fx.BackgroundTasks;
import dev.sloscout.engine.sli.MetricsProfile;
import dev.sloscout.workspace.Batch;
import dev.sloscout.workspace.Workspace;
import javafx.beans.property.SimpleObjectProperty;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class CapsulesViewModelTest {
    @TempDir
    Path dir;

    private Analysis shop() throws Exception {
        return new Pipeline(PipelineOptions.defaults(), () -> false, (i, s) -> { })
                .files(List.of(Analyses.shopTraces(dir, 300), Analyses.shopLogs(dir, 200)));
    }

    @Test
    void withoutAQueryEveryCapsuleIsListedUnderTheFiltersBusiestFirst() {
        Analysis demo = Analyses.smallDemo();
        CapsulesViewModel vm = new CapsulesViewModel(new SimpleObjectProperty<>(demo), new SimpleObjectProperty<>(),
                BackgroundTasks.SAME_THREAD, (id, limit) -> List.of());
        assertThat(vm.rows()).hasSize(demo.capsules().size());
        assertThat(vm.rows()).extracting(CapsuleRow::count).isSortedAccordingTo((a, b) -> Long.compare(b, a));
        assertThat(vm.selectedProperty().get()).isEqualTo(vm.rows().get(0));
        assertThat(vm.samples()).isNotEmpty();
        assertThat(vm.rows().get(0).sparkline()).isNotEmpty();

        vm.severityProperty().set("ERROR");
        assertThat(vm.rows()).isNotEmpty().allSatisfy(r -> assertThat(r.capsule().severities()).containsKey(
                dev.sloscout.engine.capsule.Severity.ERROR));
        vm.severityProperty().set(CapsulesViewModel.ANY);
        String service = vm.services().get(1);
        vm.serviceProperty().set(service);
        assertThat(vm.rows()).isNotEmpty().allSatisfy(r -> assertThat(r.service()).isEqualTo(service));
        vm.serviceProperty().set(CapsulesViewModel.ANY);
        vm.seenProperty().set(CapsulesViewModel.Seen.LAST_HOUR);
        assertThat(vm.rows().size()).isLessThanOrEqualTo(demo.capsules().size());
        vm.seenProperty().set(CapsulesViewModel.Seen.ANY_TIME);
        String checkout = demo.journeys().stream().filter(j -> j.name().contains("checkout")).findFirst().orElseThrow().name();
        vm.journeyProperty().set(checkout);
        assertThat(vm.rows()).isNotEmpty().allSatisfy(r -> assertThat(r.capsule().journeys()).isNotEmpty());
    }

    @Test
    void aQueryRunsThroughTheWorkspacesLuceneIndexWithFilters() throws Exception {
        Analysis shop = shop();
        try (Workspace ws = Workspace.open(dir.resolve("ws"))) {
            ws.commit(new Batch(ws.addSource("shop", "traces"), 1, shop.capsules(), shop.journeys(), shop.candidates(),
                    SpanOperations.of(shop.journeys())));
            CapsulesViewModel vm = new CapsulesViewModel(new SimpleObjectProperty<>(shop), new SimpleObjectProperty<>(ws),
                    BackgroundTasks.SAME_THREAD, (id, limit) -> List.of());
            vm.queryProperty().set("declined");
            vm.search();
            assertThat(vm.rows()).singleElement().satisfies(r -> {
                assertThat(r.template()).contains("payment declined");
                assertThat(r.score()).isPositive();
            });
            assertThat(vm.statusProperty().get()).contains("Lucene");
            assertThat(vm.traceIds()).isNotEmpty();
            vm.severityProperty().set("INFO");
            assertThat(vm.rows()).isEmpty();
            vm.queryProperty().set("placed OR declined");
            vm.severityProperty().set(CapsulesViewModel.ANY);
            assertThat(vm.rows()).hasSize(2);
            vm.queryProperty().set("declined (");
            vm.search();
            assertThat(vm.rows()).as("a query Lucene cannot parse is searched as plain words").singleElement()
                    .satisfies(r -> assertThat(r.template()).contains("declined"));
        }
    }

    @Test
    void withoutAWorkspaceTheQueryIsAPlainTextMatchAndSaysSo() throws Exception {
        Analysis shop = shop();
        CapsulesViewModel vm = new CapsulesViewModel(new SimpleObjectProperty<>(shop), new SimpleObjectProperty<>(),
                BackgroundTasks.SAME_THREAD, (id, limit) -> List.of());
        vm.queryProperty().set("PLACED");
        vm.search();
        assertThat(vm.rows()).singleElement().satisfies(r -> assertThat(r.template()).contains("placed"));
        assertThat(vm.statusProperty().get()).contains("no workspace open");
    }
}
