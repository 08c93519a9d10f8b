package dev.sloscout.engine.demo;

import dev.sloscout.engine.journey.Journey;
import dev.sloscout.engine.journey.JourneyDiscovery;
import dev.sloscout.engine.model.Span;
import dev.sloscout.engine.sli.MetricsProfile;
import dev.sloscout.engine.sli.SliCandidate;
import dev.sloscout.engine.sli.SliCatalog;
import dev.sloscout.engine.slo.Backtest;
import dev.sloscout.engine.slo.SloProposal;
import dev.sloscout.engine.trace.AssemblySettings;
import dev.sloscout.engine.trace.TraceAssembler;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;

import static org.assertj.core.api.Assertions.assertThat;

/** The demo shop end to end: its journeys are found, and its two incidents show in the backtests. */
class DemoShopTest {
    private static JourneyDiscovery.JourneyReport report;
    private static List<SliCandidate> candidates;
    private static final TreeSet<String> SERVICES = new TreeSet<>();

    @BeforeAll
    static void analyseTwoWeeks() {
        JourneyDiscovery discovery = new JourneyDiscovery();
        TraceAssembler assembler = new TraceAssembler(AssemblySettings.DEFAULTS, discovery);
        DemoShop.generate(7, 14, 12, span -> {
            SERVICES.add(span.serviceName());
            assembler.accept(span);
        });
        assembler.finish();
        report = discovery.build();
        candidates = new SliCatalog(MetricsProfile.DEFAULTS).candidates(report);
    }

    @Test
    void theSameSeedGivesTheSameTraffic() {
        List<Span> first = new ArrayList<>();
        List<Span> second = new ArrayList<>();
        DemoShop.generate(3, 1, 5, first::add);
        DemoShop.generate(3, 1, 5, second::add);
        assertThat(first).isNotEmpty().isEqualTo(second);
    }

    @Test
    void sixJourneysBehindTheGatewaysCatchAllRootAcrossAtLeastTenServices() {
        assertThat(SERVICES).hasSizeGreaterThanOrEqualTo(10).contains("gateway", "frontend", "payment", "search");
        assertThat(report.journeys()).extracting(Journey::name).containsExactlyInAnyOrder("frontend GET /products",
                "frontend GET /search", "frontend GET /cart", "frontend POST /login", "frontend POST /checkout",
                "frontend POST /api/payments");
        assertThat(report.partialTraces()).isZero();
        assertThat(report.journeys().get(0).name()).isEqualTo("frontend GET /products"); // the most traffic
    }

    @Test
    void thePaymentErrorBurstPagesDuringTheIncident() {
        SloProposal balanced = proposal("frontend POST /api/payments availability", SloProposal.Variant.BALANCED);
        Backtest.TierResult page = balanced.backtest().stream().filter(t -> t.tier().equals("page-1h")).findFirst().orElseThrow();
        Instant incidentStart = DemoShop.START.plus(DemoShop.PAYMENT_INCIDENT_START);
        Instant incidentEnd = incidentStart.plus(DemoShop.PAYMENT_INCIDENT);

        // Low night-time traffic can page on a single failure (that is what the backtest is for); the incident must page.
        List<Backtest.Episode> duringIncident = page.episodes().stream()
                .filter(e -> !e.start().isBefore(incidentStart) && e.start().isBefore(incidentEnd)).toList();
        assertThat(duringIncident).isNotEmpty();
        assertThat(duringIncident.size() * 2).isGreaterThanOrEqualTo(page.episodes().size());
    }

    @Test
    void theSearchLatencyRegressionAlertsOnlyOnSearchLatency() {
        Instant start = DemoShop.START.plus(DemoShop.SEARCH_INCIDENT_START);
        Instant end = start.plus(DemoShop.SEARCH_INCIDENT);
        SloProposal searchLatency = proposalOf(SliCandidate.Kind.LATENCY, "frontend GET /search", SloProposal.Variant.BALANCED);
        List<Backtest.Episode> episodes = searchLatency.backtest().stream().flatMap(t -> t.episodes().stream()).toList();

        assertThat(episodes).isNotEmpty();
        assertThat(episodes).anySatisfy(e -> assertThat(e.start()).isBetween(start, end));
        SloProposal cartLatency = proposalOf(SliCandidate.Kind.LATENCY, "frontend GET /cart", SloProposal.Variant.BALANCED);
        assertThat(cartLatency.backtest()).allSatisfy(t -> assertThat(t.episodes())
                .noneSatisfy(e -> assertThat(e.start()).isBetween(start, end)));
    }

    @Test
    void everyJourneyHasAvailabilityAndLatencyCandidatesWithSpanmetricsQueries() {
        for (Journey journey : report.journeys()) {
            assertThat(candidates).filteredOn(c -> c.journeyId().equals(journey.id()))
                    .extracting(SliCandidate::kind).contains(SliCandidate.Kind.AVAILABILITY, SliCandidate.Kind.LATENCY);
        }
        assertThat(candidates).filteredOn(c -> c.kind() == SliCandidate.Kind.AVAILABILITY).allSatisfy(c -> {
            assertThat(c.queries()).allSatisfy(q -> assertThat(q.applicable()).isTrue());
            assertThat(c.proposals()).hasSize(3);
            assertThat(c.observed().low()).isLessThanOrEqualTo(c.observed().ratio());
        });
    }

    private static SloProposal proposal(String name, SloProposal.Variant variant) {
        return candidates.stream().filter(c -> c.name().equals(name)).findFirst().orElseThrow()
                .proposals().stream().filter(p -> p.variant() == variant).findFirst().orElseThrow();
    }

    private static SloProposal proposalOf(SliCandidate.Kind kind, String journey, SloProposal.Variant variant) {
        return candidates.stream().filter(c -> c.kind() == kind && c.journeyName().equals(journey)).findFirst().orElseThrow()
                .proposals().stream().filter(p -> p.variant() == variant).findFirst().orElseThrow();
    }
}
