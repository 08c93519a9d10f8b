package dev.sloscout.assist;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sloscout.engine.capsule.Capsule;
import dev.sloscout.engine.capsule.CapsuleAccumulator;
import dev.sloscout.engine.capsule.LogEvent;
import dev.sloscout.engine.redact.Redactor;
import dev.sloscout.engine.capsule.Severity;
import dev.sloscout.engine.capsule.TraceLookup;
import dev.sloscout.workspace.Batch;
import dev.sloscout.workspace.Workspace;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SemanticSearchTest {
    private static Embedder embedder;

    @TempDir
    Path dir;

    @BeforeAll
    static void loadTheModel() {
        embedder = new Embedder(); // the bundled ONNX model: no download
    }

    private static List<Capsule> capsules() {
        CapsuleAccumulator acc = new CapsuleAccumulator(new Redactor(), TraceLookup.NONE, 2024);
        String[][] lines = {
            {"auth", "Login request of username alice from 10.0.0.1 rejected: wrong credentials"},
            {"auth", "Login request of username bob from 10.0.0.2 rejected: wrong credentials"},
            {"auth", "Login request of username carol from 10.0.0.3 rejected: wrong credentials"},
            {"auth", "Login request of username dave from 10.0.0.4 rejected: wrong credentials"},
            {"storage", "Disk usage at 91 percent on volume /var/lib/data"},
            {"storage", "Disk usage at 95 percent on volume /var/lib/logs"},
            {"payment", "Charged order 17 for 20 EUR with card ending 4242"},
            {"payment", "Charged order 18 for 35 EUR with card ending 1881"},
            {"net", "Connection reset by peer 10.0.0.9 while reading response"},
            {"net", "Connection reset by peer 10.0.0.8 while reading response"},
            {"cache", "Cache warmed with 1200 entries in 35 ms"},
            {"cache", "Cache warmed with 1300 entries in 38 ms"},
        };
        long t = 1_700_000_000_000L;
        for (String[] line : lines) {
            acc.accept(new LogEvent(line[0] + ".log", 1, 1, line[0], line[1], false, "", t, Severity.INFO, null, null));
        }
        return acc.capsules();
    }

    @Test
    void findsCapsulesByMeaningWhenNoWordIsShared() throws Exception {
        try (Workspace ws = Workspace.open(dir.resolve("w"))) {
            ws.commit(Batch.ofCapsules(ws.addSource("x", "logs"), 12, capsules()));
            try (SemanticSearch search = new SemanticSearch(ws, embedder)) {
                assertThat(search.indexCapsules()).isEqualTo(5);
                assertThat(search.search("user sign-in failures", 5, false)).isEmpty(); // no word in common
                List<SemanticSearch.Result> results = search.search("user sign-in failures", 5, true);
                assertThat(results.get(0).template()).startsWith("Login request of username");
                assertThat(results.get(0).similarity()).isGreaterThan(results.get(1).similarity());

                List<SemanticSearch.Result> storage = search.search("running out of disk space", 3, true);
                assertThat(storage.get(0).service()).isEqualTo("storage");

                // an exact word still counts: "Cache" is in one template only
                assertThat(search.search("cache", 3, true).get(0).service()).isEqualTo("cache");
            }
        }
    }

    @Test
    void journeysAndSlisAreSearchableByMeaningToo() throws Exception {
        dev.sloscout.engine.journey.JourneyDiscovery discovery = new dev.sloscout.engine.journey.JourneyDiscovery();
        dev.sloscout.engine.trace.TraceAssembler assembler = new dev.sloscout.engine.trace.TraceAssembler(
                dev.sloscout.engine.trace.AssemblySettings.DEFAULTS, discovery::onTrace);
        dev.sloscout.engine.demo.DemoShop.generate(1, 1, 1, assembler);
        assembler.finish();
        var report = discovery.build();
        var slis = new dev.sloscout.engine.sli.SliCatalog(dev.sloscout.engine.sli.MetricsProfile.DEFAULTS)
                .candidates(report);
        try (Workspace ws = Workspace.open(dir.resolve("j"))) {
            ws.commit(new Batch(ws.addSource("x", "traces"), 1, List.of(), report.journeys(), slis, List.of()));
            try (SemanticSearch search = new SemanticSearch(ws, embedder)) {
                assertThat(search.indexAnalysis()).isEqualTo(report.journeys().size() + slis.size());
                assertThat(search.nearest("customers submit the order and pay", "journey", 1).get(0).text())
                        .contains("checkout");
                assertThat(search.nearest("how slow is product search", "sli", 3))
                        .anySatisfy(h -> assertThat(h.text()).contains("search").contains("latency"));
            }
        }
    }

    @Test
    void evidenceForAJourneyIsItsCapsulesOnFailedTraces() throws Exception {
        dev.sloscout.engine.journey.JourneyDiscovery discovery = new dev.sloscout.engine.journey.JourneyDiscovery();
        dev.sloscout.engine.trace.TraceAssembler assembler = new dev.sloscout.engine.trace.TraceAssembler(
                dev.sloscout.engine.trace.AssemblySettings.DEFAULTS, discovery::onTrace);
        dev.sloscout.engine.demo.DemoShop.generate(1, 1, 1, assembler);
        assembler.finish();
        var journey = discovery.build().journeys().get(0);
        java.util.Map<String, Long> on = java.util.Map.of(journey.id(), 10L);
        java.util.Map<Severity, Long> errors = java.util.Map.of(Severity.ERROR, 10L);
        List<Capsule> capsules = List.of(
                capsule("a", "payment declined by card processor", on, 10, 9, errors),
                capsule("b", "cache warmed in <NUM> ms", on, 10, 1, errors),
                capsule("c", "request served", on, 10, 0, errors),
                capsule("d", "payment declined elsewhere", java.util.Map.of("j-other", 10L), 10, 10, errors));
        try (Workspace ws = Workspace.open(dir.resolve("e"))) {
            ws.commit(Batch.ofCapsules(ws.addSource("x", "logs"), 40, capsules));
            try (SemanticSearch search = new SemanticSearch(ws, embedder)) {
                List<SemanticSearch.Result> evidence = search.evidence(journey, 5);
                assertThat(evidence).extracting(SemanticSearch.Result::capsuleId).containsExactly("a", "b");
                assertThat(evidence.get(0).textScore()).isEqualTo(0.9); // share of its events on failed traces
            }
        }
    }

    private static Capsule capsule(String id, String template, java.util.Map<String, Long> journeys, long withTrace,
            long onErrors, java.util.Map<Severity, Long> severities) {
        return new Capsule(id, "t-" + id, List.of(), "svc", template, withTrace, severities, 1, 2, 60_000,
                new java.util.TreeMap<>(), List.of(), List.of(), withTrace, onErrors, journeys);
    }

    @Test
    void embeddingsAreCachedInTheWorkspaceByText() throws Exception {
        try (Workspace ws = Workspace.open(dir.resolve("c"))) {
            List<String> texts = List.of("Connection reset by peer <IP>", "Disk usage at <NUM> percent");
            var first = embedder.embed(texts, ws);
            assertThat(first.get(texts.get(0))).hasSize(Embedder.DIMENSIONS);
            assertThat(ws.cachedEmbeddings(Embedder.MODEL, List.of(Embedder.hash(texts.get(0))))).hasSize(1);
            assertThat(embedder.embed(List.of("<*>", ""))).hasSize(2); // nothing left to read is still a text
            var again = embedder.embed(texts, ws);
            assertThat(again.get(texts.get(1))).containsExactly(first.get(texts.get(1)));
        }
    }

    @Test
    void similarCapsulesLeaveTheCapsuleItselfOut() throws Exception {
        try (Workspace ws = Workspace.open(dir.resolve("s"))) {
            List<Capsule> capsules = capsules();
            ws.commit(Batch.ofCapsules(ws.addSource("x", "logs"), 11, capsules));
            try (SemanticSearch search = new SemanticSearch(ws, embedder)) {
                search.indexCapsules();
                Capsule login = capsules.stream().filter(c -> c.service().equals("auth")).findFirst().orElseThrow();
                List<SemanticSearch.Result> similar = search.similar(login.id(), 3);
                assertThat(similar).hasSize(3).noneMatch(r -> r.capsuleId().equals(login.id()));
                assertThat(similar).isSortedAccordingTo((a, b) -> Double.compare(b.similarity(), a.similarity()));
            }
        }
    }
}
