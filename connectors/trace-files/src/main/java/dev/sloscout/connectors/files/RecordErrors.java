package dev.sloscout.connectors.files;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Set;
import java.util.function.Supplier;

/**
 * The error a structured log record carries beside its message, as text to fold under it: structured loggers keep
 * the exception out of the message, in fields of its own. logstash-logback-encoder writes {@code stack_trace}; ECS
 * loggers {@code error.type}, {@code error.message}, {@code error.stack_trace}; pino and bunyan an {@code err} object;
 * winston {@code stack}; zap {@code error} and {@code stacktrace}; logrus {@code error}; python-json-logger
 * {@code exc_info}; structlog {@code exception}; Serilog's compact JSON {@code @x}; .NET's JSON console
 * {@code Exception}; log4j2's JsonLayout a {@code thrown} object, its Logstash layout an {@code exception} object; GELF
 * a {@code full_message} (a backtrace, or the whole of a message); Datadog {@code error.stack}; OpenTelemetry the
 * {@code exception.*} attributes. Without them an error's sample reads {@code could not save order 19164} and
 * nothing of why.
 */
final class RecordErrors {
    /** Fields holding a whole stack trace, or an exception as its runtime prints it. */
    private static final String[] STACK_FIELDS = {"stack_trace", "error.stack_trace", "exception.stacktrace",
        "err.stack", "error.stack", "error.stacktrace", "stacktrace", "stack", "exc_info", "exc_text", "@x",
        "Exception", "exception", "thrown.extendedStackTrace", "full_message"};
    /** Stack fields whose names other records use for other things: held to text of more than one line. */
    private static final Set<String> LOOSE_NAMES = Set.of("stack", "exception", "Exception", "full_message");
    /** Fields holding an error's message alone ({@code error} as zap and logrus write it: a string). */
    private static final String[] MESSAGE_FIELDS = {"error.message", "exception.message", "err.message",
        "thrown.message", "exception.exception_message", "error", "err"};
    private static final String[] TYPE_FIELDS = {"error.type", "error.kind", "exception.type", "err.type",
        "err.name", "thrown.name", "exception.exception_class"};

    private RecordErrors() {
    }

    /** PostgreSQL's {@code jsonlog} and {@code csvlog} fields that say more of a message, and its stderr log's tags. */
    private static final String[][] POSTGRES_PARTS = {{"detail", "DETAIL"}, {"hint", "HINT"},
        {"context", "CONTEXT"}, {"internal_query", "QUERY"}, {"statement", "STATEMENT"}, {"query", "STATEMENT"}};

    /** The record's error as lines of text (a stack trace, or its type and message), or null when it has none. */
    static String of(JsonNode record) {
        if (record.has("error_severity")) {
            return postgresParts(record);
        }
        String stack = first(record, STACK_FIELDS);
        if (stack == null) {
            stack = thrown(record.get("thrown"));
        }
        return text(first(record, TYPE_FIELDS), first(record, MESSAGE_FIELDS), stack);
    }

    /**
     * What PostgreSQL's {@code jsonlog} and {@code csvlog} keep beside a message (the detail, hint, context and the
     * statement), as its stderr log writes them under the message ({@code DETAIL:  Key (id)=(1) already exists.}), so
     * that a sample of a duplicate key error shows the key and the statement in any of the three; null without them.
     */
    private static String postgresParts(JsonNode record) {
        StringBuilder parts = new StringBuilder();
        for (String[] part : POSTGRES_PARTS) {
            JsonNode value = record.get(part[0]);
            if (value != null && value.isTextual() && !value.asText().isBlank()) {
                parts.append(parts.length() > 0 ? "\n" : "").append(part[1]).append(":  ").append(value.asText());
            }
        }
        return parts.length() > 0 ? parts.toString() : null;
    }

    /**
     * An error from its parts, any of them null: the stack as it is, headed by the type and message when it does not
     * hold the message already (a Go stack is frames alone, Java's and Node's open with the exception line); without
     * a stack, {@code type: message} as the JVM prints an exception. Blank parts count as absent.
     */
    static String text(String type, String message, String stack) {
        type = type == null || type.isBlank() ? null : type;
        message = message == null || message.isBlank() ? null : message;
        String head = message == null ? type
                : type == null || message.startsWith(type) ? message : type + ": " + message;
        if (stack == null || stack.isBlank()) {
            return head;
        }
        stack = stack.stripTrailing();
        return head == null || stack.contains(message != null ? message : type) ? stack : head + "\n" + stack;
    }

    /**
     * The first field holding text (a string, not a number or an object; not blank, not {@code -}), or null. A loose
     * name counts only with a line break: {@code "stack": "production"} names a deployment, not a trace.
     */
    private static String first(JsonNode record, String[] fields) {
        for (String field : fields) {
            JsonNode value = JsonLogRecords.value(record, field);
            String text = value != null && value.isTextual() ? value.asText() : "";
            if (!text.isBlank() && !text.equals("-") && (text.indexOf('\n') > 0 || !LOOSE_NAMES.contains(field))) {
                return text;
            }
        }
        return null;
    }

    /**
     * log4j2's JsonLayout's {@code thrown} with frames ({@code "extendedStackTrace": [{"class":..,"method":..,
     * "file":..,"line":..}]}) and its causes, as Java prints them (the first exception's own line is left to
     * {@link #text}); null when there are no frames.
     */
    private static String thrown(JsonNode thrown) {
        StringBuilder out = new StringBuilder();
        for (JsonNode cause = thrown; cause != null && cause.isObject(); cause = cause.get("cause")) {
            if (cause != thrown) {
                newLine(out).append("Caused by: ").append(cause.path("name").asText("?"));
                if (cause.path("message").isTextual()) {
                    out.append(": ").append(cause.get("message").asText());
                }
            }
            for (JsonNode frame : cause.path("extendedStackTrace")) {
                newLine(out).append("\tat ").append(frame.path("class").asText("?")).append('.')
                        .append(frame.path("method").asText("?")).append('(')
                        .append(frame.path("file").asText("Unknown Source"));
                if (frame.path("line").asInt(-1) >= 0) {
                    out.append(':').append(frame.path("line").asInt());
                }
                out.append(')');
            }
        }
        return out.length() == 0 ? null : out.toString();
    }

    private static StringBuilder newLine(StringBuilder out) {
        return out.length() == 0 ? out : out.append('\n');
    }

    /** OpenTelemetry's {@code exception.*} log record attributes, gathered as a record's attributes are read. */
    static final class OtelAttributes {
        private String type;
        private String message;
        private String stack;

        /** Keeps the attribute's value (converted only when it is one of the three). */
        void put(String key, Supplier<String> value) {
            switch (key) {
                case "exception.type" -> type = value.get();
                case "exception.message" -> message = value.get();
                case "exception.stacktrace" -> stack = value.get();
                default -> { }
            }
        }

        /** The error they describe ({@link #text}), or null. */
        String text() {
            return RecordErrors.text(type, message, stack);
        }
    }
}
