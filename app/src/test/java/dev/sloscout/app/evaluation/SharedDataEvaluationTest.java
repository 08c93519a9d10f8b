package dev.sloscout.app.evaluation;

import org.junit.jupiter.api.Tag;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.sloscout.connectors.files.SourceReport;
import dev.sloscout.connectors.files.TraceFileReader;
import dev.sloscout.engine.ingest.IngestSummary;
import dev.sloscout.engine.journey.Journey;
import dev.sloscout.engine.journey.JourneyDiscovery;
import dev.sloscout.engine.model.Span;
import dev.sloscout.engine.model.Trace;
import dev.sloscout.engine.trace.AssemblySettings;
import dev.sloscout.engine.trace.TraceAssembler;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * Evaluation on real third-party dumps in {@code ../shared/data} (never copied into the project). Skips with a
 * message when the folder is absent, so a fresh clone passes without it.
 */
@Tag("integration")
class SharedDataEvaluationTest {
    private static Path traces;

    @BeforeAll
    static void locate() {
        String configured = System.getProperty("sloscout.sharedData", "../shared/data");
        traces = Path.of(configured).resolve("traces");
        assumeTrue(Files.isDirectory(traces), "shared evaluation data not found at " + traces.toAbsolutePath() + "; skipped");
    }

    @Test
    void onlineBoutiqueMatchesTheCountsComputedFromTheSourceCsv() throws IOException {
        Path folder = traces.resolve("onlineboutique");
        JsonNode expected = new ObjectMapper().readTree(folder.resolve("expected.json").toFile());
        IngestSummary summary = new IngestSummary();
        Map<String, Integer> edges = new TreeMap<>();
        Map<String, Integer> entries = new HashMap<>();
        TraceAssembler assembler = new TraceAssembler(AssemblySettings.DEFAULTS, trace -> {
            summary.onTrace(trace);
            countEdgesAndEntries(trace, edges, entries);
        });
        List<SourceReport> reports = new TraceFileReader(assembler, summary)
                .read(List.of(folder.resolve("traces.otlp.jsonl").toString()));
        assembler.finish();
        IngestSummary.Snapshot result = summary.snapshot(assembler.stats());

        assertThat(reports.get(0).spans()).isEqualTo(expected.get("span_records").asLong());
        assertThat(result.rejected()).isZero();
        assertThat(result.traces()).isEqualTo(expected.get("traces").asLong());
        assertThat(result.spans()).isEqualTo(expected.get("spans").asLong());
        assertThat(result.assembly().duplicateSpans())
                .isEqualTo(expected.get("span_records").asLong() - expected.get("spans").asLong());
        assertThat(result.services()).containsExactlyElementsOf(
                () -> expected.get("services").valueStream().map(JsonNode::asText).iterator());
        assertThat(result.errorSpans()).isEqualTo(expected.get("error_spans").asLong());
        // expected.json counts edges and roots over span records, duplicates included; we count distinct spans.
        // Same edges and entries; each count at most the record count; the gap no larger than the duplicates.
        long duplicates = result.assembly().duplicateSpans();
        assertThat(edges.keySet()).containsExactlyInAnyOrderElementsOf(() -> expected.get("service_edges").fieldNames());
        long recordEdges = 0;
        long distinctEdges = 0;
        for (var edge : expected.get("service_edges").properties()) {
            assertThat(edges.get(edge.getKey())).as("calls on edge %s", edge.getKey())
                    .isLessThanOrEqualTo(edge.getValue().asInt()).isPositive();
            recordEdges += edge.getValue().asInt();
            distinctEdges += edges.get(edge.getKey());
        }
        assertThat(recordEdges - distinctEdges).isBetween(1L, duplicates);
        assertThat(entries.keySet()).containsExactlyInAnyOrderElementsOf(() -> expected.get("entry_operations").fieldNames());
        assertThat(entries.values().stream().mapToLong(Integer::longValue).sum()).isEqualTo(result.traces());
    }

    @Test
    void onlineBoutiqueJourneysCoverEveryTraceAndAreToldApartByTheirCalls() {
        JourneyDiscovery discovery = new JourneyDiscovery();
        TraceAssembler assembler = new TraceAssembler(AssemblySettings.DEFAULTS, discovery);
        new TraceFileReader(assembler, p -> { }).read(List.of(traces.resolve("onlineboutique/traces.otlp.jsonl").toString()));
        assembler.finish();
        JourneyDiscovery.JourneyReport report = discovery.build();

        // The frontend's root is the generic "Recv." that fans out: journeys are the page shapes beneath it.
        assertThat(report.assignedTraces()).isEqualTo(247);
        assertThat(report.partialTraces()).isZero();
        assertThat(report.journeys()).hasSizeBetween(4, 12);
        assertThat(report.journeys()).allSatisfy(j -> {
            assertThat(j.entry()).isEqualTo(new Journey.Entry("frontend", "hipstershop.Frontend/Recv.", null, null,
                    "hipstershop.Frontend/Recv.", dev.sloscout.engine.model.SpanKind.SERVER));
            assertThat(j.namedByShape()).isTrue();
        });
        assertThat(report.journeys()).extracting(Journey::name).doesNotHaveDuplicates();
        assertThat(report.journeys()).anySatisfy(j -> assertThat(j.name()).contains("CheckoutService/PlaceOrder"));
        assertThat(report.journeys()).anySatisfy(j -> assertThat(j.edges())
                .anySatisfy(e -> assertThat(e.from() + "->" + e.to()).isEqualTo("checkoutservice->paymentservice")));
    }

    @Test
    void everyThirdPartyTraceFileDecodesWithoutProblems() throws IOException {
        for (String folder : List.of("zipkin", "jaeger")) {
            try (var files = Files.list(traces.resolve(folder))) {
                for (Path file : files.filter(f -> f.toString().endsWith(".json")).toList()) {
                    IngestSummary summary = new IngestSummary();
                    TraceAssembler assembler = new TraceAssembler(AssemblySettings.DEFAULTS, summary);
                    SourceReport report = new TraceFileReader(assembler, summary).read(file);
                    assembler.finish();
                    IngestSummary.Snapshot result = summary.snapshot(assembler.stats());
                    assertThat(result.problems()).as(file.toString()).isEmpty();
                    assertThat(report.format()).as(file.toString()).isNotNull();
                    assertThat(result.spans()).as(file.toString()).isPositive();
                }
            }
        }
        IngestSummary summary = new IngestSummary();
        new TraceFileReader(s -> { }, summary).read(traces.resolve("otlp-examples").resolve("trace.json"));
        assertThat(summary.snapshot(null).problems()).isEmpty();
    }

    @Test
    void onlineBoutiqueLogsAreReadWholeAndTheirBodiesHeadersLearnt() {
        List<dev.sloscout.engine.model.Problem> problems = new java.util.ArrayList<>();
        dev.sloscout.engine.capsule.CapsuleAccumulator capsules = new dev.sloscout.engine.capsule.CapsuleAccumulator(
                new dev.sloscout.engine.redact.Redactor(), dev.sloscout.engine.capsule.TraceLookup.NONE, 2022);
        long read = new dev.sloscout.connectors.files.LogFileReader(capsules, problems::add)
                .read(traces.resolve("onlineboutique/logs.otlp.jsonl"));

        assertThat(problems).isEmpty();
        assertThat(read).as("every record of the README's 13,134").isEqualTo(13_134);
        assertThat(capsules.events()).isEqualTo(13_134);
        // adservice writes "05:18:42.995 INFO  - TraceID: ... message" into the OTLP body: a header, learnt
        assertThat(capsules.layoutOf("adservice").describe()).startsWith("TIME LEVEL SEPARATOR");
        assertThat(capsules.capsules()).allSatisfy(c -> assertThat(c.template()).doesNotContain("INFO"));
        // currencyservice ships JSON lines as bodies: opened, the message inside mined
        assertThat(capsules.capsules()).filteredOn(c -> c.service().equals("currencyservice"))
                .anySatisfy(c -> assertThat(c.template()).contains("conversion request"))
                .noneSatisfy(c -> assertThat(c.template()).contains("\"severity\""));
    }

    private static void countEdgesAndEntries(Trace trace, Map<String, Integer> edges, Map<String, Integer> entries) {
        Trace.Index index = new Trace.Index(trace.spans());
        for (Span span : trace.spans()) {
            Span parent = index.parentOf(span);
            if (parent == null) {
                if (span.isRoot()) {
                    entries.merge(span.serviceName() + " " + span.name(), 1, Integer::sum);
                }
            } else if (!parent.serviceName().equals(span.serviceName())) {
                edges.merge(parent.serviceName() + "->" + span.serviceName(), 1, Integer::sum);
            }
        }
    }
}
