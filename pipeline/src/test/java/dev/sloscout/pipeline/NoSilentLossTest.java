package dev.sloscout.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sloscout.connectors.files.OtlpJsonWriter;
import dev.sloscout.engine.journey.Journey;
import dev.sloscout.engine.model.Attributes;
import dev.sloscout.engine.model.Problem;
import dev.sloscout.engine.model.Resource;
import dev.sloscout.engine.model.Span;
import dev.sloscout.engine.model.SpanId;
import dev.sloscout.engine.model.SpanAttributes;
import dev.sloscout.engine.model.SpanKind;
import dev.sloscout.engine.model.TraceId;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Every cut the analysis makes on its own is a problem with counts; no out-of-range time rewrites history. */
class NoSilentLossTest {
    @TempDir
    Path dir;

    private static Analysis analyse(Path file) {
        return new Pipeline(PipelineOptions.defaults(), () -> false, (i, s) -> { }).read(List.of(file.toString()),
                System.in);
    }

    private static String spanLine(long startNanos) {
        return spanLine(startNanos, "frontend", "GET /", null, null);
    }

    private static String spanLine(long startNanos, String service, String name, String route, String method) {
        Attributes.Builder attributes = Attributes.builder();
        if (route != null) {
            attributes.put(SpanAttributes.HTTP_ROUTE, route);
        }
        if (method != null) {
            attributes.put(SpanAttributes.HTTP_REQUEST_METHOD, method);
        }
        Span span = Span.builder().traceId(new TraceId(0x77, 1)).spanId(new SpanId(1))
                .resource(Resource.ofService(service)).name(name).kind(SpanKind.SERVER)
                .startEpochNanos(startNanos).endEpochNanos(startNanos + 1_000_000).attributes(attributes.build())
                .build();
        return new OtlpJsonWriter().jsonLines(List.of(span), 1);
    }

    @Test
    void aSpanAtTimeZeroIsAProblemAndTheHistoryIsUntouched() throws Exception {
        Path clean = Analyses.shopTraces(Files.createDirectory(dir.resolve("clean")), 300);
        Path dirty = dir.resolve("dirty.jsonl");
        Files.writeString(dirty, spanLine(0) + Files.readString(clean));

        Analysis before = analyse(clean);
        Analysis after = analyse(dirty);

        assertThat(after.problems()).extracting(Problem::reason)
                .anySatisfy(r -> assertThat(r).contains("1970-01-01T00:00:00Z is out of range"));
        assertThat(after.summary().rejected()).isEqualTo(before.summary().rejected() + 1);
        assertThat(after.journeys()).hasSameSizeAs(before.journeys());
        for (int i = 0; i < before.journeys().size(); i++) {
            String id = before.journeys().get(i).id();
            assertThat(after.report().histories().get(id).availability().total())
                    .isEqualTo(before.report().histories().get(id).availability().total());
            assertThat(after.report().histories().get(id).availability().start())
                    .isEqualTo(before.report().histories().get(id).availability().start());
        }
        assertThat(after.losses()).isEmpty();
    }

    @Test
    void requestsOutsideAYearOfHistoryAreCountedAndNamed() throws Exception {
        Path clean = Analyses.shopTraces(Files.createDirectory(dir.resolve("clean")), 300);
        Analysis before = analyse(clean);
        Journey journey = before.journeys().stream().filter(j -> !j.namedByShape()).findFirst().orElseThrow();
        long firstStart = before.report().histories().get(journey.id()).availability().start().getEpochSecond()
                * 1_000_000_000L;
        Path late = dir.resolve("late.jsonl");
        Files.writeString(late, Files.readString(clean) + spanLine(firstStart + Duration.ofDays(800).toNanos(),
                journey.entry().service(), journey.entry().operation(), journey.entry().httpRoute(),
                journey.entry().httpMethod()));

        Analysis analysis = analyse(late);

        assertThat(analysis.losses()).anySatisfy(p -> {
            assertThat(p.source()).isEqualTo("journey " + journey.id());
            assertThat(p.reason()).startsWith("1 requests fell outside the year of history");
        });
        assertThat(analysis.problems()).containsAll(analysis.losses());
    }

    @Test
    void journeysBeyondTheCapAreCountedNotAnalysed() throws Exception {
        Path shop = Analyses.shopTraces(dir, 300);
        Analysis all = analyse(shop);
        assertThat(all.journeys().size()).isGreaterThan(2);

        Analysis capped = new Pipeline(PipelineOptions.defaults().withMaxJourneys(2), () -> false, (i, s) -> { })
                .read(List.of(shop.toString()), System.in);

        assertThat(capped.journeys()).hasSize(2);
        long left = all.report().assignedTraces() - capped.report().assignedTraces();
        assertThat(left).isPositive();
        assertThat(capped.losses()).singleElement().satisfies(p -> {
            assertThat(p.source()).isEqualTo("journeys");
            assertThat(p.reason()).startsWith(left + " traces of " + (all.journeys().size() - 2) + " further journeys")
                    .contains("--max-journeys");
        });
    }

    @Test
    void logServicesBeyondTheCapAreMinedTogetherAndReported() throws Exception {
        Path traces = Analyses.shopTraces(dir, 50);
        Path first = Files.writeString(dir.resolve("a.log"), "{\"service\":\"cart\",\"message\":\"cart saved\"}\n");
        Path second = Files.writeString(dir.resolve("b.log"), "{\"service\":\"pay\",\"message\":\"paid\"}\n"
                + "{\"service\":\"ship\",\"message\":\"shipped\"}\n");

        Analysis analysis = new Pipeline(PipelineOptions.defaults().withMaxLogServices(1), () -> false,
                (i, s) -> { }).read(List.of(traces.toString(), first.toString(), second.toString()), System.in);

        assertThat(analysis.capsules()).extracting(c -> c.service()).containsOnly("cart", "(other services)");
        assertThat(analysis.losses()).singleElement().satisfies(p -> {
            assertThat(p.source()).isEqualTo("logs");
            assertThat(p.reason()).startsWith("2 log events of 2 services beyond the first 1")
                    .contains("--max-log-services");
        });
    }

    @Test
    void templatesBeyondTheCapAreCountedTogetherAndReported() throws Exception {
        StringBuilder log = new StringBuilder();
        for (int i = 0; i < 12; i++) { // two-word messages with nothing in common: one template each
            log.append("{\"service\":\"search\",\"message\":\"").append((char) ('a' + i)).append("lpha ")
                    .append((char) ('z' - i)).append("ulu\"}\n");
        }
        Path file = Files.writeString(dir.resolve("search.log"), log);

        Analysis analysis = new Pipeline(PipelineOptions.defaults().withMaxTemplates(4), () -> false,
                (i, s) -> { }).read(List.of(file.toString()), System.in);

        assertThat(analysis.capsules()).hasSize(5).anySatisfy(c -> {
            assertThat(c.template()).isEqualTo(dev.sloscout.engine.capsule.TemplateMiner.OVERFLOW_TEXT);
            assertThat(c.count()).isEqualTo(8);
        });
        assertThat(analysis.losses()).singleElement().satisfies(p -> {
            assertThat(p.source()).isEqualTo("logs");
            assertThat(p.reason()).startsWith("8 log events of 1 service (search) that fit none of the first 4")
                    .contains("--max-templates");
        });
    }
}
