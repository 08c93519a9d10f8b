package dev.sloscout.connectors.prometheus;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The Prometheus HTTP API ({@code /api/v1/query}, {@code query_range}, {@code series}, {@code labels},
 * {@code metadata}, {@code status/buildinfo}) over the JDK HTTP client: basic auth or a bearer token, TLS through the
 * JVM's trust store ({@code javax.net.ssl.trustStore}), a timeout per request, retries with exponential backoff on
 * connection failures, 429 and 5xx. Error envelopes come back verbatim in the exception; warnings are collected
 * ({@link #warnings()}). Range queries are split so no request asks for more than {@value #MAX_POINTS} points per series.
 */
public final class PrometheusClient {
    /** Prometheus refuses a range query of more than 11,000 points per series. */
    public static final int MAX_POINTS = 11_000;

    /** Connection settings; the secrets never appear in messages or {@link #toString()}. */
    public record Options(Duration timeout, int retries, String bearerToken, String basicUser, String basicPassword) {
        public static Options defaults() {
            return new Options(Duration.ofSeconds(30), 3, null, null, null);
        }

        @Override
        public String toString() {
            return "Options[timeout=" + timeout + ", retries=" + retries + ", auth="
                    + (bearerToken != null ? "bearer" : basicUser != null ? "basic" : "none") + "]";
        }
    }

    /** One series of a range query: its labels and (epoch seconds, value) samples in time order. */
    public record Series(Map<String, String> labels, List<double[]> samples) {
    }

    private static final ObjectMapper JSON = new ObjectMapper();
    private final URI base;
    private final Options options;
    private final HttpClient http;
    private final List<String> warnings = new ArrayList<>();

    public PrometheusClient(URI base, Options options) {
        String text = base.toString();
        this.base = URI.create(text.endsWith("/") ? text : text + "/");
        this.options = options;
        this.http = HttpClient.newBuilder().connectTimeout(options.timeout()).build();
    }

    public URI base() {
        return base;
    }

    /** Warnings the server attached to successful answers, verbatim, in order. */
    public List<String> warnings() {
        return List.copyOf(warnings);
    }

    public JsonNode buildInfo() throws PrometheusException {
        return get("api/v1/status/buildinfo", Map.of());
    }

    public JsonNode query(String promql, Instant at) throws PrometheusException {
        return get("api/v1/query", Map.of("query", promql, "time", seconds(at)));
    }

    public List<String> labels() throws PrometheusException {
        List<String> out = new ArrayList<>();
        get("api/v1/labels", Map.of()).forEach(n -> out.add(n.asText()));
        return out;
    }

    /** Label sets of the series matching a selector between two times. */
    public List<Map<String, String>> series(String match, Instant start, Instant end) throws PrometheusException {
        List<Map<String, String>> out = new ArrayList<>();
        for (JsonNode s : get("api/v1/series", Map.of("match[]", match, "start", seconds(start), "end", seconds(end)))) {
            Map<String, String> labels = new TreeMap<>();
            s.fields().forEachRemaining(e -> labels.put(e.getKey(), e.getValue().asText()));
            out.add(labels);
        }
        return out;
    }

    /** Metric family name to its type ({@code counter}, {@code histogram}, ...), as the targets declare them. */
    public Map<String, String> metadata() throws PrometheusException {
        Map<String, String> out = new TreeMap<>();
        get("api/v1/metadata", Map.of()).fields().forEachRemaining(e -> {
            if (e.getValue().isArray() && !e.getValue().isEmpty()) {
                out.put(e.getKey(), e.getValue().get(0).path("type").asText("unknown"));
            }
        });
        return out;
    }

    /**
     * A range query, split into requests of at most {@value #MAX_POINTS} points each; the series of the pieces are
     * joined by their labels.
     */
    public List<Series> queryRange(String promql, Instant start, Instant end, Duration step)
            throws PrometheusException {
        long stepSeconds = Math.max(1, step.toSeconds());
        Map<Map<String, String>, List<double[]>> joined = new LinkedHashMap<>();
        Instant from = start;
        while (!from.isAfter(end)) {
            Instant to = from.plusSeconds(stepSeconds * (MAX_POINTS - 1));
            if (to.isAfter(end)) {
                to = end;
            }
            JsonNode data = get("api/v1/query_range", Map.of("query", promql, "start", seconds(from), "end",
                    seconds(to), "step", Long.toString(stepSeconds)));
            for (JsonNode s : data.path("result")) {
                Map<String, String> labels = new TreeMap<>();
                s.path("metric").fields().forEachRemaining(e -> labels.put(e.getKey(), e.getValue().asText()));
                List<double[]> samples = joined.computeIfAbsent(labels, k -> new ArrayList<>());
                for (JsonNode v : s.path("values")) {
                    double t = v.get(0).asDouble();
                    if (samples.isEmpty() || t > samples.get(samples.size() - 1)[0]) {
                        samples.add(new double[] {t, Double.parseDouble(v.get(1).asText())});
                    }
                }
            }
            from = to.plusSeconds(stepSeconds);
        }
        List<Series> out = new ArrayList<>();
        joined.forEach((labels, samples) -> out.add(new Series(labels, samples)));
        return out;
    }

    /** Requests a piece of the range: how many requests a range and step take (for callers and tests). */
    public static long requestsFor(Instant start, Instant end, Duration step) {
        long points = (end.getEpochSecond() - start.getEpochSecond()) / Math.max(1, step.toSeconds()) + 1;
        return (points + MAX_POINTS - 1) / MAX_POINTS;
    }

    JsonNode get(String path, Map<String, String> params) throws PrometheusException {
        StringBuilder query = new StringBuilder();
        params.forEach((k, v) -> query.append(query.isEmpty() ? "" : "&").append(encode(k)).append('=')
                .append(encode(v)));
        URI uri = base.resolve(path + (query.isEmpty() ? "" : "?" + query));
        String where = base.resolve(path).toString();
        HttpRequest.Builder request = HttpRequest.newBuilder(uri).timeout(options.timeout()).GET()
                .header("Accept", "application/json");
        if (options.bearerToken() != null) {
            request.header("Authorization", "Bearer " + options.bearerToken());
        } else if (options.basicUser() != null) {
            request.header("Authorization", "Basic " + Base64.getEncoder().encodeToString(
                    (options.basicUser() + ":" + options.basicPassword()).getBytes(StandardCharsets.UTF_8)));
        }
        Exception last = null;
        for (int attempt = 0; attempt <= options.retries(); attempt++) {
            if (attempt > 0) {
                sleep(Math.min(10_000, 200L << (attempt - 1)));
            }
            HttpResponse<String> response;
            try {
                response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
            } catch (IOException e) {
                last = e;
                continue;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new PrometheusException(where + ": interrupted", e);
            }
            int status = response.statusCode();
            JsonNode body = parse(response.body());
            if (body != null && "error".equals(body.path("status").asText())) {
                String message = where + ": " + body.path("errorType").asText("error") + ": "
                        + body.path("error").asText("");
                if (status == 429 || status >= 500) {
                    last = new PrometheusException(message, null);
                    continue;
                }
                throw new PrometheusException(message, null);
            }
            if (status == 429 || status >= 500) {
                last = new PrometheusException(where + ": HTTP " + status, null);
                continue;
            }
            if (status != 200 || body == null) {
                throw new PrometheusException(where + ": HTTP " + status + (body == null ? ", not a Prometheus "
                        + "API answer" : ""), null);
            }
            body.path("warnings").forEach(w -> warnings.add(w.asText()));
            return body.path("data");
        }
        String reason = last instanceof PrometheusException p ? p.getMessage().substring(where.length() + 2)
                : last == null ? "no answer" : describe(last);
        throw new PrometheusException(where + ": " + reason + " (after " + (options.retries() + 1) + " attempts)",
                last);
    }

    private static String describe(Exception e) {
        String message = e.getMessage();
        if (e instanceof java.net.ConnectException || message == null) {
            return "connection refused or unreachable";
        }
        if (e instanceof java.net.http.HttpTimeoutException) {
            return "timed out";
        }
        return message;
    }

    private static JsonNode parse(String body) {
        try {
            JsonNode node = JSON.readTree(body);
            return node != null && node.has("status") ? node : null;
        } catch (IOException e) {
            return null;
        }
    }

    private static String seconds(Instant t) {
        return Long.toString(t.getEpochSecond());
    }

    private static String encode(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }

    private static void sleep(long millis) throws PrometheusException {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new PrometheusException("interrupted", e);
        }
    }
}
