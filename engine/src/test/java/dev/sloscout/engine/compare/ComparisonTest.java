package dev.sloscout.engine.compare;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sloscout.engine.journey.Journey;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Populations where one thing was changed on purpose: the change is found and ranked first; an unchanged population
 * (another seed of the same traffic) reports nothing significant, checked over many seeds.
 */
class ComparisonTest {
    private static final int TRACES = 3_000;

    private static Comparison.Report diff(ShopPopulation baseline, ShopPopulation candidate, long seed) {
        return diff(baseline, candidate, seed, false);
    }

    /** @param slos replays a 99% availability SLO on every journey of the baseline */
    private static Comparison.Report diff(ShopPopulation baseline, ShopPopulation candidate, long seed, boolean slos) {
        ShopPopulation.Side before = baseline.generate(seed, TRACES);
        ShopPopulation.Side after = candidate.generate(seed + 1, TRACES);
        Map<String, String> names = new HashMap<>();
        Map<String, String> services = new HashMap<>();
        for (ShopPopulation.Side side : List.of(before, after)) {
            for (Journey j : side.discovery().build().journeys()) {
                names.put(j.id(), j.name());
                services.put(j.id(), j.entry().service());
            }
        }
        List<Comparison.SloTarget> targets = !slos ? List.of() : before.discovery().build().journeys().stream()
                .map(j -> new Comparison.SloTarget(j.id(), j.name() + " availability", 0.99, null)).toList();
        return Comparison.compare(before.population(), after.population(), before.logs(), after.logs(),
                new Comparison.Names(names, services), targets);
    }

    @Test
    void oneServiceThreeTimesSlowerComesFirstWithTheJourneysThroughIt() {
        ShopPopulation candidate = new ShopPopulation();
        candidate.slower.put("payment", 3.0);
        Comparison.Report report = diff(new ShopPopulation(), candidate, 1);

        Finding first = report.findings().get(0);
        assertThat(first.significant()).isTrue();
        assertThat(first.service()).isEqualTo("payment");
        assertThat(first.metric()).isEqualTo("self time");
        assertThat(first.relativeChange()).isBetween(1.5, 2.5); // x3 in the median, about x3 in the mean
        assertThat(first.low()).isPositive();
        assertThat(first.evidence()).isNotEmpty();
        // the checkout journey's latency moved too, and payment explains most of it
        Finding latency = report.significant().stream().filter(f -> f.metric().equals("latency p50")).findFirst()
                .orElseThrow();
        assertThat(latency.journey()).contains("/checkout");
        assertThat(latency.low()).isPositive();
        List<Comparison.Contribution> why = report.explanations().get(latency.journeyId());
        assertThat(why.get(0).service()).isEqualTo("payment");
        assertThat(why.get(0).share()).isGreaterThan(0.5);
        assertThat(report.significant()).as("only checkout's journey and payment are flagged")
                .allMatch(f -> f.journey().contains("/checkout"));
    }

    @Test
    void moreFailuresArePlacedWhereTheyStartAndBurnTheBudgetFaster() {
        ShopPopulation candidate = new ShopPopulation();
        candidate.paymentFailure = 0.12;
        Comparison.Report report = diff(new ShopPopulation(), candidate, 11, true);

        assertThat(report.significant()).extracting(f -> f.kind() + " " + f.service() + " " + f.metric())
                .contains("journey front error ratio", "operation payment error source share",
                        "slo front error budget burn")
                .doesNotContain("operation checkout error source share", "operation front error source share");
        Finding burn = report.significant().stream().filter(f -> f.kind().equals("slo")).findFirst().orElseThrow();
        assertThat(burn.before()).isBetween(1.0, 3.5); // ~2% errors against a 1% budget
        assertThat(burn.after()).isBetween(9.0, 15.0);
        assertThat(burn.evidence()).isNotEmpty();
        assertThat(report.significant()).allMatch(f -> f.journey().contains("/checkout"));
    }

    @Test
    void aNewErrorTemplateIsFoundAndLinkedToItsTraces() {
        ShopPopulation candidate = new ShopPopulation();
        candidate.timeoutLogShare = 0.1;
        Comparison.Report report = diff(new ShopPopulation(), candidate, 3);

        Finding first = report.findings().get(0);
        assertThat(first.kind()).isEqualTo("capsule");
        assertThat(first.metric()).isEqualTo("appeared");
        assertThat(first.service()).isEqualTo("payment");
        assertThat(first.operation()).contains("gateway timeout after");
        assertThat(first.significant()).isTrue();
        assertThat(first.evidence()).isNotEmpty();
        assertThat(report.significant()).hasSize(1);
    }

    @Test
    void aNewCallEdgeIsFoundFirst() {
        ShopPopulation candidate = new ShopPopulation();
        candidate.fraudCheck = true;
        Comparison.Report report = diff(new ShopPopulation(), candidate, 5);

        assertThat(report.findings().get(0).metric()).isEqualTo("appeared");
        assertThat(report.significant()).extracting(f -> f.kind() + " " + f.operation() + " " + f.metric())
                .startsWith("edge front -> fraud appeared")
                .contains("operation handle /checkout appeared");
        assertThat(report.significant()).allMatch(f -> f.journey().contains("/checkout"));
    }

    @Test
    void aTrafficShiftIsFoundFirst() {
        ShopPopulation candidate = new ShopPopulation();
        candidate.browseWeight = 0.3;
        candidate.cartWeight = 0.5;
        Comparison.Report report = diff(new ShopPopulation(), candidate, 7);

        assertThat(report.findings().subList(0, 2)).allSatisfy(f -> {
            assertThat(f.metric()).isEqualTo("traffic share");
            assertThat(f.significant()).isTrue();
        });
        assertThat(report.findings().subList(0, 2)).extracting(Finding::journey)
                .anyMatch(j -> j.contains("/cart")).anyMatch(j -> j.contains("/products"));
        Finding cart = report.findings().stream().filter(f -> f.journey().contains("/cart")
                && f.metric().equals("traffic share")).findFirst().orElseThrow();
        assertThat(cart.before()).isBetween(0.27, 0.33);
        assertThat(cart.after()).isBetween(0.47, 0.53);
        assertThat(cart.low()).isLessThan(cart.change()).isPositive();
        assertThat(cart.high()).isGreaterThan(cart.change());
    }

    @Test
    @Tag("slow") // in the slow profile (.ci/run runs it): keeps the README's test command within five minutes
    void theSameTrafficOnAnotherSeedReportsNothingSignificantAlmostAlways() {
        int runs = 20;
        int withFindings = 0;
        for (int seed = 0; seed < runs; seed++) {
            Comparison.Report report = diff(new ShopPopulation(), new ShopPopulation(), 100 + 2L * seed);
            assertThat(report.findings()).isNotEmpty(); // everything was compared
            if (!report.significant().isEmpty()) {
                withFindings++;
            }
        }
        // Holm keeps the family-wise error at 5%: about one run in twenty may flag something
        assertThat(withFindings).isLessThanOrEqualTo(2);
    }

    @Test
    void anIdenticalCopyReportsNothingAndNoChange() {
        ShopPopulation shop = new ShopPopulation();
        ShopPopulation.Side side = shop.generate(9, 1_000);
        ShopPopulation.Side copy = shop.generate(9, 1_000);
        Comparison.Report report = Comparison.compare(side.population(), copy.population(), side.logs(), copy.logs(),
                new Comparison.Names(Map.of(), Map.of()), List.of());
        assertThat(report.significant()).isEmpty();
        assertThat(report.findings()).allSatisfy(f -> assertThat(f.change()).isZero());
    }
}
