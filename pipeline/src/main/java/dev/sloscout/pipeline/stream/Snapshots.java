package dev.sloscout.pipeline.stream;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.sloscout.engine.journey.JourneyState;
import dev.sloscout.engine.slo.HistoryRecorder;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.Map;

/**
 * The JSON the stream job writes to its output topics and the workbench reads back: compact, one object per record,
 * keyed by id. A journey snapshot carries what a reader wants at a glance (counts, p50/p99) and the journey's whole
 * mergeable state (base64), so a reader rebuilds exactly what a local analysis would show.
 */
final class Snapshots {
    private static final ObjectMapper JSON = new ObjectMapper();
    static final int FORMAT = 1;

    private Snapshots() {
    }

    static byte[] journey(JourneyState state) {
        ObjectNode node = JSON.createObjectNode();
        node.put("format", FORMAT);
        node.put("id", state.id());
        node.put("key", state.key());
        node.put("service", state.service());
        node.put("operation", state.operation());
        node.put("traces", state.traces());
        node.put("errorTraces", state.errorTraces());
        node.put("p50Ms", state.latencyMs(50));
        node.put("p99Ms", state.latencyMs(99));
        node.put("state", Base64.getEncoder().encodeToString(state.encode()));
        return bytes(node);
    }

    /** A journey snapshot's state. @throws IllegalArgumentException when the record is not one */
    static JourneyState journeyState(byte[] value) {
        JsonNode node = tree(value);
        JsonNode state = node.get("state");
        if (state == null || !state.isTextual()) {
            throw new IllegalArgumentException("a journey snapshot without its state");
        }
        return JourneyState.decode(Base64.getDecoder().decode(state.asText()));
    }

    private static final ObjectMapper COMPACT = dev.sloscout.pipeline.Json.MAPPER.copy()
            .disable(com.fasterxml.jackson.databind.SerializationFeature.INDENT_OUTPUT);

    /** An SLI candidate as analysis.json writes it (definition, PromQL per profile, proposals), on one line. */
    static byte[] candidate(dev.sloscout.engine.sli.SliCandidate candidate) {
        try {
            return COMPACT.writeValueAsBytes(candidate);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Characters of a sample's text a capsule record carries (five long stack traces stay under a record's 1 MB). */
    static final int MAX_SAMPLE = 16 * 1024;

    /**
     * A capsule as analysis.json writes it (redacted template and samples, counts per bucket), on one line; each
     * sample's text cut to {@value #MAX_SAMPLE} characters.
     */
    static byte[] capsule(dev.sloscout.engine.capsule.Capsule capsule) {
        dev.sloscout.pipeline.CapsuleReport report = dev.sloscout.pipeline.CapsuleReport.of(capsule);
        report = report.withSamples(report.samples().stream().map(s -> new dev.sloscout.pipeline.CapsuleReport.Sample(
                s.source(), s.line(), s.time(), s.severity(), Stages.cut(s.text(), MAX_SAMPLE), s.traceId())).toList());
        try {
            return COMPACT.writeValueAsBytes(report);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A capsule record read back. @throws IllegalArgumentException when the record is not one */
    static dev.sloscout.engine.capsule.Capsule capsule(byte[] value) {
        try {
            return COMPACT.readValue(value, dev.sloscout.pipeline.CapsuleReport.class).capsule();
        } catch (IOException | RuntimeException e) {
            throw new IllegalArgumentException("not a capsule: " + e.getMessage(), e);
        }
    }

    static String windowKey(String journeyId, long windowIndex) {
        return journeyId + "@" + windowIndex;
    }

    static byte[] window(String journeyKey, long windowIndex, long[] counts) {
        ObjectNode node = JSON.createObjectNode();
        node.put("format", FORMAT);
        node.put("journey", dev.sloscout.engine.journey.JourneyDiscovery.idOf(journeyKey));
        node.put("key", journeyKey);
        node.put("window", windowIndex);
        node.put("start", Instant.ofEpochSecond(windowIndex * HistoryRecorder.WINDOW.toSeconds()).toString());
        ArrayNode array = node.putArray("counts");
        for (long count : counts) {
            array.add(count);
        }
        return bytes(node);
    }

    /** A history window read back. */
    record Window(String journeyKey, long index, long[] counts) {
    }

    static Window window(byte[] value) {
        JsonNode node = tree(value);
        JsonNode counts = node.get("counts");
        if (counts == null || !counts.isArray() || counts.size() != HistoryRecorder.COLUMNS
                || !node.path("key").isTextual() || !node.path("window").canConvertToLong()) {
            throw new IllegalArgumentException("not a history window");
        }
        long[] values = new long[counts.size()];
        for (int i = 0; i < values.length; i++) {
            values[i] = counts.get(i).asLong();
        }
        return new Window(node.get("key").asText(), node.get("window").asLong(), values);
    }

    static byte[] status(String stage, int partition, Map<String, Long> counters) {
        ObjectNode node = JSON.createObjectNode();
        node.put("format", FORMAT);
        node.put("stage", stage);
        node.put("partition", partition);
        ObjectNode counts = node.putObject("counts");
        counters.forEach(counts::put);
        return bytes(node);
    }

    static Map<String, Long> statusCounts(byte[] value) {
        JsonNode counts = tree(value).get("counts");
        if (counts == null || !counts.isObject()) {
            throw new IllegalArgumentException("not a status record");
        }
        Map<String, Long> out = new java.util.TreeMap<>();
        counts.properties().forEach(e -> out.put(e.getKey(), e.getValue().asLong()));
        return out;
    }

    private static JsonNode tree(byte[] value) {
        try {
            JsonNode node = JSON.readTree(value);
            if (node == null || !node.isObject()) {
                throw new IllegalArgumentException("not a JSON object");
            }
            if (node.path("format").asInt(-1) != FORMAT) {
                throw new IllegalArgumentException("snapshot format " + node.path("format") + ", expected " + FORMAT);
            }
            return node;
        } catch (IOException e) {
            throw new IllegalArgumentException("not JSON: " + e.getMessage(), e);
        }
    }

    private static byte[] bytes(ObjectNode node) {
        try {
            return JSON.writeValueAsString(node).getBytes(StandardCharsets.UTF_8);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }
}
