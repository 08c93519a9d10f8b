package dev.sloscout.workspace;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.sloscout.engine.capsule.Capsule;
import dev.sloscout.engine.demo.DemoShop;
import dev.sloscout.engine.journey.JourneyDiscovery;
import dev.sloscout.engine.sli.MetricsProfile;
import dev.sloscout.engine.sli.SliCandidate;
import dev.sloscout.engine.sli.SliCatalog;
import dev.sloscout.engine.trace.AssemblySettings;
import dev.sloscout.engine.trace.TraceAssembler;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class WorkspaceTest {
    private static final long T0 = 1_714_556_400_000L; // 2024-05-01T09:40:00Z

    @TempDir
    Path dir;

    private List<Capsule> checkoutCapsules() {
        return Capsules.mine("checkout", T0,
                "payment failed for order 17: card declined",
                "payment failed for order 18: card declined",
                "cart 7 saved for jane@example.com",
                "cart 8 saved for bob@example.com",
                "connection reset by peer 10.0.0.1");
    }

    @Test
    void aWorkspaceReopensExactlyAsItWas() throws Exception {
        Path base = dir.resolve("shop");
        JourneyDiscovery discovery = new JourneyDiscovery();
        TraceAssembler assembler = new TraceAssembler(AssemblySettings.DEFAULTS, discovery::onTrace);
        DemoShop.generate(1, 1, 2, assembler);
        assembler.finish();
        JourneyDiscovery.JourneyReport report = discovery.build();
        List<SliCandidate> slis = new SliCatalog(MetricsProfile.DEFAULTS).candidates(report);
        List<Capsule> capsules = checkoutCapsules();
        SloDraft draft = new SloDraft("checkout-availability", slis.get(0).id(), 0.995, 28, null,
                List.of("page-1h", "ticket-1d"));

        try (Workspace ws = Workspace.open(base)) {
            assertThat(ws.migratedFrom()).isZero();
            long source = ws.addSource("shop.jsonl", "traces");
            ws.commit(new Batch(source, 500, capsules, report.journeys(), slis,
                    List.of(new SpanOperation("checkout", "POST /checkout", report.journeys().get(0).id(), 42))));
            ws.saveDraft(draft);
            ws.saveDraft(new SloDraft(draft.id(), draft.sliId(), 0.999, 30, null, List.of("page-1h")));
        }
        assertThat(Files.exists(dir.resolve("shop.mv.db"))).isTrue();
        assertThat(Files.isDirectory(dir.resolve("shop.lucene"))).isTrue();

        try (Workspace ws = Workspace.open(base)) {
            assertThat(ws.schemaVersion()).isEqualTo(Migrations.latest());
            assertThat(ws.reindexedOnOpen()).isZero();
            assertThat(ws.sources()).singleElement().satisfies(s -> {
                assertThat(s.location()).isEqualTo("shop.jsonl");
                assertThat(s.events()).isEqualTo(500);
            });
            assertThat(ws.capsules()).containsExactlyInAnyOrderElementsOf(capsules);
            assertThat(ws.journeys()).containsExactlyInAnyOrderElementsOf(report.journeys());
            assertThat(ws.sliCandidates()).containsExactlyInAnyOrderElementsOf(slis);
            assertThat(ws.drafts()).singleElement().satisfies(d -> assertThat(d.objective()).isEqualTo(0.999));
            assertThat(ws.tuningHistory(draft.id())).extracting(SloDraft::objective).containsExactly(0.995, 0.999);
        }
    }

    @Test
    void candidatesWhoseBacktestFiredRoundTripWithTheirEpisodes() throws Exception {
        long[] total = new long[24 * 12];
        long[] bad = new long[total.length];
        java.util.Arrays.fill(total, 100);
        for (int i = 100; i < 130; i++) {
            bad[i] = 60; // half an hour of 60% errors: the fast page tier fires
        }
        dev.sloscout.engine.slo.History history = new dev.sloscout.engine.slo.History(java.time.Instant.parse(
                "2026-03-01T00:00:00Z"), java.time.Duration.ofMinutes(5), total, bad);
        dev.sloscout.engine.slo.SloProposal fired = dev.sloscout.engine.slo.SloProposer.assess(
                dev.sloscout.engine.slo.SloProposal.Variant.BALANCED, history, new dev.sloscout.engine.slo.Objective(0.999),
                java.time.Duration.ofDays(28), null, dev.sloscout.engine.slo.AlertTier.STANDARD, List.of());
        assertThat(fired.backtest().get(0).episodes()).isNotEmpty();
        SliCandidate candidate = new SliCandidate("j-availability", "j", "journey", SliCandidate.Kind.AVAILABILITY, "name",
                "good", "total", null, new SliCandidate.Observed(1, 2, 0.5, 0.1, 0.9), List.of(), List.of(), 0.5,
                List.of(), List.of(fired));
        try (Workspace ws = Workspace.open(dir.resolve("fired"))) {
            ws.commit(new Batch(ws.addSource("x", "traces"), 1, List.of(), List.of(), List.of(candidate), List.of()));
        }
        try (Workspace ws = Workspace.open(dir.resolve("fired"))) {
            assertThat(ws.sliCandidates()).containsExactly(candidate);
        }
    }

    @Test
    void searchFindsTemplatesAndSamplesWithFilters() throws Exception {
        try (Workspace ws = Workspace.open(dir.resolve("s"))) {
            long source = ws.addSource("x", "logs");
            ws.commit(new Batch(source, 5, checkoutCapsules(), List.of(), List.of(),
                    List.of(new SpanOperation("cart", "GET /cart/{id}", "j-cart", 9))));
            ws.commit(Batch.ofCapsules(source, 1, Capsules.mine("search", T0 + 86_400_000L,
                    "payment failed for query 3: timeout")));

            assertThat(ws.search(SearchQuery.text("payment failed"))).hasSize(2);
            assertThat(ws.search(SearchQuery.text("payment failed").withService("checkout")))
                    .singleElement().satisfies(h -> {
                        assertThat(h.kind()).isEqualTo("capsule");
                        assertThat(h.text()).isEqualTo("payment failed for order <NUM>: card declined");
                        assertThat(h.count()).isEqualTo(2);
                    });
            assertThat(ws.search(SearchQuery.text("saved").withSeverity("ERROR"))).isEmpty();
            assertThat(ws.search(SearchQuery.text("").withSeverity("error"))).hasSize(2);
            assertThat(ws.search(SearchQuery.text("payment").between(T0 + 3_600_000L, null)))
                    .extracting(SearchHit::service).containsExactly("search");
            assertThat(ws.search(SearchQuery.text("cart").withJourney("j-cart")))
                    .singleElement().satisfies(h -> assertThat(h.kind()).isEqualTo("operation"));
            // redacted samples are searchable by their kind, never by the address
            assertThat(ws.search(SearchQuery.text("jane"))).isEmpty();
            assertThat(ws.search(SearchQuery.text("connection reset (peer"))).hasSize(1);
        }
    }

    @Test
    void aLostOrDamagedIndexIsRebuiltFromTheDatabase() throws Exception {
        Path base = dir.resolve("w");
        try (Workspace ws = Workspace.open(base)) {
            ws.commit(Batch.ofCapsules(ws.addSource("x", "logs"), 5, checkoutCapsules()));
        }
        Path index = dir.resolve("w.lucene");
        try (var files = Files.list(index)) {
            for (Path f : files.toList()) {
                if (f.getFileName().toString().startsWith("segments")) {
                    Files.write(f, new byte[] {1, 2, 3});
                }
            }
        }
        try (Workspace ws = Workspace.open(base)) {
            int stored = ws.capsules().size();
            assertThat(stored).isEqualTo(3);
            assertThat(ws.reindexedOnOpen()).isEqualTo(stored);
            assertThat(ws.indexedDocuments()).isEqualTo(stored);
            assertThat(ws.search(SearchQuery.text("declined"))).hasSize(1);
        }
    }

    @Test
    void anOlderSchemaIsMigratedAndANewerOneRefused() throws Exception {
        Path base = dir.resolve("old");
        try (Connection db = DriverManager.getConnection("jdbc:h2:file:" + base.toAbsolutePath(), "sa", "");
             Statement s = db.createStatement()) {
            s.execute("CREATE TABLE schema_version (version INT PRIMARY KEY, script VARCHAR(256) NOT NULL, "
                    + "applied_at TIMESTAMP WITH TIME ZONE NOT NULL)");
            for (String statement : Migrations.statements(new String(WorkspaceTest.class.getResourceAsStream(
                    "migrations/V1__initial.sql").readAllBytes(), java.nio.charset.StandardCharsets.UTF_8))) {
                s.execute(statement);
            }
            s.execute("INSERT INTO schema_version VALUES (1, 'V1__initial.sql', CURRENT_TIMESTAMP)");
            s.execute("INSERT INTO source (location, kind, added_at) VALUES ('kept.log', 'logs', CURRENT_TIMESTAMP)");
        }
        try (Workspace ws = Workspace.open(base)) {
            assertThat(ws.migratedFrom()).isEqualTo(1);
            assertThat(ws.schemaVersion()).isEqualTo(Migrations.latest());
            assertThat(ws.sources()).extracting(Workspace.Source::location).containsExactly("kept.log");
            ws.commit(Batch.ofCapsules(1, 5, checkoutCapsules())); // the V2 column is there
        }
        try (Connection db = DriverManager.getConnection("jdbc:h2:file:" + base.toAbsolutePath(), "sa", "");
             Statement s = db.createStatement()) {
            s.execute("INSERT INTO schema_version VALUES (99, 'V99__future.sql', CURRENT_TIMESTAMP)");
        }
        assertThatThrownBy(() -> Workspace.open(base)).isInstanceOf(WorkspaceException.class)
                .hasMessageContaining("old.mv.db").hasMessageContaining("newer than this");
    }

    @Test
    void concurrentWritersAndReadersNeedNoLockOfTheirOwn() throws Exception {
        int writers = 4;
        int commitsEach = 20;
        List<Capsule> capsules = checkoutCapsules();
        try (Workspace ws = Workspace.open(dir.resolve("busy"))) {
            long source = ws.addSource("x", "logs");
            ExecutorService pool = Executors.newFixedThreadPool(writers + 2);
            CountDownLatch writing = new CountDownLatch(writers);
            List<Future<?>> work = new ArrayList<>();
            for (int w = 0; w < writers; w++) {
                work.add(pool.submit(() -> {
                    try {
                        for (int i = 0; i < commitsEach; i++) {
                            ws.commit(Batch.ofCapsules(source, 3, capsules));
                        }
                    } finally {
                        writing.countDown();
                    }
                    return null;
                }));
            }
            for (int r = 0; r < 2; r++) {
                work.add(pool.submit(() -> {
                    while (writing.getCount() > 0) {
                        assertThat(ws.search(SearchQuery.text("declined")).size()).isLessThanOrEqualTo(1);
                        assertThat(ws.capsules()).hasSizeLessThanOrEqualTo(capsules.size());
                        ws.batches();
                    }
                    return null;
                }));
            }
            for (Future<?> f : work) {
                f.get(60, TimeUnit.SECONDS); // rethrows what a worker hit
            }
            pool.shutdown();

            assertThat(ws.batches()).isEqualTo(writers * commitsEach);
            assertThat(ws.sources()).singleElement()
                    .satisfies(s -> assertThat(s.events()).isEqualTo(3L * writers * commitsEach));
        }
    }

    @Test
    void aClosedWorkspaceRefusesCallsNamingIt() throws Exception {
        Workspace ws = Workspace.open(dir.resolve("done"));
        ws.commit(Batch.ofCapsules(ws.addSource("x", "logs"), 5, checkoutCapsules()));
        ws.close();
        ws.close(); // a second close does nothing

        assertThatThrownBy(ws::capsules).isInstanceOf(WorkspaceException.class)
                .hasMessageContaining("done").hasMessageContaining("closed");
        assertThatThrownBy(() -> ws.search(SearchQuery.text("declined"))).isInstanceOf(WorkspaceException.class)
                .hasMessageContaining("closed");
        try (Workspace again = Workspace.open(dir.resolve("done"))) {
            assertThat(again.capsules()).hasSize(3);
        }
    }

    @Test
    void namedWorkspacesLiveUnderTheUsersHome() {
        assertThat(Workspace.defaultLocation("shop")).isEqualTo(
                Path.of(System.getProperty("user.home"), ".slo-scout", "workspaces", "shop"));
        assertThatThrownBy(() -> Workspace.defaultLocation("../etc")).isInstanceOf(IllegalArgumentException.class);
    }
}
