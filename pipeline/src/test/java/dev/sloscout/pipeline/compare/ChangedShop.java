package dev.sloscout.pipeline.compare;

import dev.sloscout.connectors.files.OtlpJsonWriter;
import dev.sloscout.connectors.files.fixtures.ShopTraffic;
import dev.sloscout.engine.model.Span;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Predicate;

/** The shop fixture's traffic written as OTLP/JSON, with one service's spans stretched where the test says. */
public final class ChangedShop {
    private ChangedShop() {
    }

    /**
     * @param stretch which spans of {@code service} last {@code factor} times as long (their start stays)
     */
    public static Path write(Path file, long seed, int traces, String service, double factor,
            Predicate<Span> stretch) throws IOException {
        return write(file, seed, traces, service, factor, stretch, null, null);
    }

    /**
     * As above, and the service's spans carry {@code service.version}: {@code newVersion} on the stretched ones,
     * {@code oldVersion} on the others (a deploy of that service).
     */
    public static Path write(Path file, long seed, int traces, String service, double factor,
            Predicate<Span> stretch, String oldVersion, String newVersion) throws IOException {
        List<Span> spans = ShopTraffic.spans(seed, traces).stream().map(s -> {
            if (!s.serviceName().equals(service)) {
                return s;
            }
            boolean changed = stretch.test(s);
            Span out = changed ? stretched(s, factor) : s;
            String version = changed ? newVersion : oldVersion;
            return version == null ? out : versioned(out, version);
        }).toList();
        Files.writeString(file, new OtlpJsonWriter().jsonLines(spans, 50), StandardCharsets.UTF_8);
        return file;
    }

    private static Span versioned(Span s, String version) {
        return new Span(s.traceId(), s.spanId(), s.parentSpanId(), new dev.sloscout.engine.model.Resource(
                s.serviceName(), s.resource().serviceNamespace(), s.resource().serviceInstanceId(), version),
                s.name(), s.kind(), s.startEpochNanos(), s.endEpochNanos(), s.status(), s.attributes(),
                s.exceptions(), s.shared());
    }

    private static Span stretched(Span s, double factor) {
        return new Span(s.traceId(), s.spanId(), s.parentSpanId(), s.resource(), s.name(), s.kind(),
                s.startEpochNanos(), s.startEpochNanos() + (long) (s.durationNanos() * factor), s.status(),
                s.attributes(), s.exceptions(), s.shared());
    }
}
