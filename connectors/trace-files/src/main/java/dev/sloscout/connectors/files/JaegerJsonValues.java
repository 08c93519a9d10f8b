package dev.sloscout.connectors.files;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;

/**
 * The values of Jaeger's two JSON spellings of a span, read alike: the query API's and the storage documents'
 * (Elasticsearch, OpenSearch: microseconds, {@code {"key","type","value"}} tags) and the protobuf JSON of
 * {@code jaeger.api_v2.Span} that the collector writes to Kafka with the {@code json} encoding (RFC 3339 times,
 * {@code "0.0012s"} durations, {@code {"key","vType","vStr"|"vInt64"|...}} tags with defaults left out).
 */
final class JaegerJsonValues {
    private JaegerJsonValues() {
    }

    /**
     * A time in epoch nanoseconds: microseconds as a number (or a decimal string), or an RFC 3339 timestamp;
     * {@code fallback} when absent.
     */
    static long time(JsonNode node, String field, long fallback) {
        JsonNode value = node.get(field);
        if (value == null || value.isNull()) {
            return fallback;
        }
        if (value.isTextual() && !isInteger(value.asText())) {
            try {
                var time = OffsetDateTime.parse(value.asText().trim()).toInstant();
                return Math.addExact(Math.multiplyExact(time.getEpochSecond(), 1_000_000_000L), time.getNano());
            } catch (DateTimeParseException | ArithmeticException e) {
                throw new IllegalArgumentException(field + " is neither microseconds nor an RFC 3339 time: '"
                        + JsonTrees.abbreviate(value.asText()) + "'");
            }
        }
        return JsonTrees.microsToNanos(JsonTrees.longValue(node, field, 0), field);
    }

    /**
     * A duration in nanoseconds: microseconds as a number, or a string with units as protobuf JSON
     * ({@code "0.001245672s"}) or Go ({@code "2000ns"}, {@code "1m2.5s"}) write it; 0 when absent.
     */
    static long duration(JsonNode node, String field) {
        JsonNode value = node.get(field);
        if (value == null || value.isNull()) {
            return 0;
        }
        if (value.isTextual() && !isInteger(value.asText())) {
            long nanos = parseDuration(value.asText().trim());
            if (nanos < 0) {
                throw new IllegalArgumentException(field + " is not a duration: '"
                        + JsonTrees.abbreviate(value.asText()) + "'");
            }
            return nanos;
        }
        return JsonTrees.microsToNanos(JsonTrees.longValue(node, field, 0), field);
    }

    /**
     * A tag's value: {@code value} (with its {@code type} beside it), or the protobuf JSON's typed fields; a typed
     * tag whose value field is missing has the type's default (protobuf JSON leaves out {@code false}, {@code 0} and
     * {@code ""}). Null for a binary value or none at all.
     */
    static Object tagValue(JsonNode tag) {
        JsonNode value = tag.get("value");
        if (value != null) {
            return JsonTrees.scalar(value);
        }
        JsonNode type = tag.get("vType");
        String kind = type == null || type.isNull() ? "STRING" : type.asText();
        return switch (kind) {
            case "STRING", "0" -> textOr(tag.get("vStr"), "");
            case "BOOL", "1" -> tag.has("vBool") ? JsonTrees.truthy(JsonTrees.scalar(tag.get("vBool"))) : false;
            case "INT64", "2" -> tag.has("vInt64") ? JsonTrees.longValue(tag, "vInt64", 0) : 0L;
            case "FLOAT64", "3" -> tag.has("vFloat64") ? tag.get("vFloat64").asDouble() : 0.0;
            default -> null; // BINARY: bytes are no attribute value here
        };
    }

    private static String textOr(JsonNode value, String fallback) {
        return value == null || value.isNull() || value.isContainerNode() ? fallback : value.asText();
    }

    private static boolean isInteger(String text) {
        String t = text.trim();
        int from = t.startsWith("-") ? 1 : 0;
        if (t.length() == from) {
            return false;
        }
        for (int i = from; i < t.length(); i++) {
            if (!Character.isDigit(t.charAt(i))) {
                return false;
            }
        }
        return true;
    }

    /**
     * A Go or protobuf JSON duration ({@code [0-9.]+unit}, repeated: {@code ns us µs ms s m h}) in nanoseconds; -1
     * when the text is none, negative or too long to hold
     */
    static long parseDuration(String text) {
        if (text.equals("0")) {
            return 0;
        }
        long total = 0;
        int i = 0;
        int n = text.length();
        if (n == 0) {
            return -1;
        }
        while (i < n) {
            int numberStart = i;
            while (i < n && (Character.isDigit(text.charAt(i)) || text.charAt(i) == '.')) {
                i++;
            }
            int unitStart = i;
            while (i < n && !Character.isDigit(text.charAt(i)) && text.charAt(i) != '.') {
                i++;
            }
            long unit = unitNanos(text.substring(unitStart, i));
            if (unitStart == numberStart || unit < 0) {
                return -1;
            }
            try {
                java.math.BigDecimal nanos = new java.math.BigDecimal(text.substring(numberStart, unitStart))
                        .multiply(java.math.BigDecimal.valueOf(unit));
                total = Math.addExact(total, nanos.setScale(0, java.math.RoundingMode.DOWN).longValueExact());
            } catch (NumberFormatException | ArithmeticException e) {
                return -1;
            }
        }
        return total;
    }

    private static long unitNanos(String unit) {
        return switch (unit) {
            case "ns" -> 1L;
            case "us", "\u00b5s", "\u03bcs" -> 1_000L;
            case "ms" -> 1_000_000L;
            case "s" -> 1_000_000_000L;
            case "m" -> 60_000_000_000L;
            case "h" -> 3_600_000_000_000L;
            default -> -1;
        };
    }
}
