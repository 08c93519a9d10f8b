package dev.sloscout.connectors.files;

import com.fasterxml.jackson.databind.JsonNode;

/** Lenient reads from Jackson trees for the formats read per record as trees (Jaeger, Zipkin). */
final class JsonTrees {
    private JsonTrees() {
    }

    static String text(JsonNode node, String field) {
        JsonNode value = node.get(field);
        return value == null || value.isNull() || value.isContainerNode() ? null : value.asText();
    }

    /** A long from a number or a decimal string; throws naming the field when it is neither. */
    static long longValue(JsonNode node, String field, long fallback) {
        JsonNode value = node.get(field);
        if (value == null || value.isNull()) {
            return fallback;
        }
        if (value.isIntegralNumber()) {
            return value.asLong();
        }
        if (value.isNumber()) {
            return value.decimalValue().longValue();
        }
        if (value.isTextual()) {
            try {
                return Long.parseLong(value.asText().trim());
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException(field + " is not an integer: '" + abbreviate(value.asText()) + "'");
            }
        }
        throw new IllegalArgumentException(field + " must be a number");
    }

    static Object scalar(JsonNode value) {
        if (value == null || value.isNull() || value.isContainerNode()) {
            return null;
        }
        if (value.isBoolean()) {
            return value.booleanValue();
        }
        if (value.isIntegralNumber()) {
            return value.longValue();
        }
        if (value.isNumber()) {
            return value.doubleValue();
        }
        return value.asText();
    }

    static boolean truthy(Object value) {
        if (value instanceof Boolean b) {
            return b;
        }
        return value != null && value.toString().trim().equalsIgnoreCase("true");
    }

    static String abbreviate(String text) {
        return text.length() > 40 ? text.substring(0, 40) + "..." : text;
    }

    /** Microseconds to nanoseconds, refusing values that would overflow. */
    static long microsToNanos(long micros, String field) {
        if (micros < 0 || micros > Long.MAX_VALUE / 1000) {
            throw new IllegalArgumentException(field + " out of range: " + micros);
        }
        return micros * 1000;
    }
}
