package dev.sloscout.connectors.files;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.sloscout.engine.capsule.HeaderLayout;
import dev.sloscout.engine.capsule.LogEvent;
import dev.sloscout.engine.capsule.LogHeader;
import dev.sloscout.engine.capsule.PostgresMessages;
import dev.sloscout.engine.capsule.Severity;
import dev.sloscout.engine.model.SpanId;
import dev.sloscout.engine.model.TraceId;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.Year;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Locale;

/**
 * One structured log record (a JSON object from a JSON-lines log, or an OTLP LogRecord) into a {@link LogEvent}: the
 * message from the usual fields ({@code message}, {@code msg}, {@code log}, {@code MESSAGE}...), level, time, service
 * and trace context from theirs. A message that is itself a JSON object (an application's JSON log line shipped as
 * an OTLP body) is opened, and its fields fill what the outer record left out. Messages are handed on as possibly
 * carrying a header of their own ({@code 12:00:00.123 INFO - ...}): the capsule accumulator learns whether they do.
 */
final class JsonLogRecords {
    /**
     * Message fields, the common first; Serilog's compact JSON (CLEF) renders {@code @m} or keeps only {@code @mt};
     * Azure Monitor's tables (as its queries answer) keep a container's line in {@code LogMessage} (ContainerLogV2)
     * or {@code LogEntry} (ContainerLog), a resource log's in {@code ResultDescription}; Splunk the event as it read
     * it in {@code _raw}; Rust's tracing-subscriber (its JSON formatter) among the event's fields
     * ({@code "fields": {"message": ...}}).
     */
    static final String[] MESSAGE_FIELDS = {"message", "msg", "log", "body", "@message", "text", "MESSAGE",
        "Message", "short_message", "@m", "@mt", "LogMessage", "LogEntry", "ResultDescription", "_raw",
        "fields.message"};
    /**
     * Level fields; .NET's JSON console writes {@code LogLevel}, CLEF {@code @l}, MongoDB {@code s}, PostgreSQL's
     * {@code jsonlog} {@code error_severity}, Monolog {@code level_name} (after its number in {@code level}).
     */
    private static final String[] LEVEL_FIELDS = {"level", "severity", "lvl", "levelname", "log.level", "@level",
        "loglevel", "Level", "severity_text", "PRIORITY", "@l", "LogLevel", "s", "error_severity", "level_name"};
    /**
     * Time fields; python-json-logger writes {@code asctime} in logging's own format, CLEF {@code @t}, MongoDB
     * {@code t} as extended JSON ({@code {"$date": ...}}), log4j2's JsonLayout {@code timeMillis} (or {@code instant},
     * read after them).
     */
    private static final String[] TIME_FIELDS = {"time", "timestamp", "@timestamp", "ts", "t", "datetime", "date",
        "Timestamp", "__REALTIME_TIMESTAMP", "eventTime", "@t", "asctime", "TimeGenerated", "TimeCreated", "_time",
        "timeMillis"};
    /**
     * Service fields; OpenTelemetry's Python logging instrumentation adds {@code otelServiceName}, Azure Monitor's
     * tables {@code ContainerName} and Application Insights' {@code AppRoleName} ({@code cloud_RoleName} in its own
     * export), then the container as Fluent Bit's and Fluentd's Kubernetes filters ({@code kubernetes.container_name})
     * and Elastic's agents ({@code kubernetes.container.name}, {@code container.name}) add it, or stern's JSON
     * ({@code containerName}). Google Cloud's
     * {@code serviceContext.service} (Error Reporting's format) is looked at after them. A logger's name
     * ({@code logger_name}) is no service: a Java application logs under one per class.
     */
    private static final String[] SERVICE_FIELDS = {"service", "service.name", "service_name", "app", "application",
        "container_name", "SYSLOG_IDENTIFIER", "_SYSTEMD_UNIT", "otelServiceName", "ContainerName",
        "AppRoleName", "cloud_RoleName", "kubernetes.container_name", "kubernetes.container.name", "container.name",
        "containerName", "ProviderName", "_COMM"};
    private static final String[] SERVICE_CONTEXT_FIELDS = {"service"};
    /** pino's and bunyan's application name. */
    private static final String[] NODE_LOGGER_NAME = {"name"};
    /** How MongoDB's extended JSON wraps a date ({@code {"$date": ...}}) and a 64-bit number. */
    private static final String[] EXTENDED_JSON_WRAPPERS = {"$date", "$numberLong"};
    private static final String[] LOKI_SERVICE_LABELS = {"service_name", "service", "app", "application",
        "app_kubernetes_io_name", "container", "container_name"};
    private static final String[] LOKI_LEVEL_LABELS = {"level", "detected_level", "severity", "lvl"};
    /**
     * Trace fields; OpenTelemetry's Python logging instrumentation adds {@code otelTraceID}, CLEF {@code @tr};
     * Application Insights names the trace its operation ({@code OperationId}, W3C trace ids) and the span a trace
     * message was written in its parent ({@code ParentId}); GELF's additional fields start with {@code _}.
     */
    private static final String[] TRACE_FIELDS = {"trace_id", "traceId", "trace.id", "traceid", "dd.trace_id",
        "traceID", "TraceId", "logging.googleapis.com/trace", "otelTraceID", "@tr", "OperationId", "operation_Id",
        "_trace_id"};
    private static final String[] SPAN_FIELDS = {"span_id", "spanId", "span.id", "spanid", "dd.span_id", "spanID",
        "SpanId", "logging.googleapis.com/spanId", "otelSpanID", "@sp", "ParentId", "operation_ParentId", "_span_id"};
    /**
     * Where a record keeps the thread's context (the MDC, where tracing puts its ids) when not at its top: log4j2's
     * JsonLayout ({@code contextMap}), its Logstash layout ({@code mdc}), others' {@code context}.
     */
    private static final String[] CONTEXT_MAPS = {"mdc", "contextMap", "context"};
    /** Application Insights' severity, 0 (verbose) to 4 (critical). */
    private static final String[] APP_INSIGHTS_LEVEL_FIELDS = {"SeverityLevel", "severityLevel"};
    private static final Severity[] APP_INSIGHTS_LEVELS = {Severity.TRACE, Severity.INFO, Severity.WARN,
        Severity.ERROR, Severity.FATAL};

    /** Every field name looked at, by its lower case: the first spelling listed. */
    private static final java.util.Map<String, String> KNOWN_FIELDS = knownFields();

    private static java.util.Map<String, String> knownFields() {
        java.util.Map<String, String> known = new java.util.HashMap<>();
        for (String[] names : List.of(MESSAGE_FIELDS, LEVEL_FIELDS, TIME_FIELDS, SERVICE_FIELDS, TRACE_FIELDS,
                SPAN_FIELDS)) {
            for (String name : names) {
                known.putIfAbsent(name.toLowerCase(Locale.ROOT), name);
            }
        }
        return java.util.Map.copyOf(known);
    }

    /**
     * The field name this reader looks at that {@code name} spells but for its case ({@code Service}: service), or
     * null: for columns of exports whose header capitalises them.
     */
    static String knownField(String name) {
        return KNOWN_FIELDS.get(name.toLowerCase(Locale.ROOT));
    }

    private final ObjectMapper json;

    JsonLogRecords(ObjectMapper json) {
        this.json = json;
    }

    /**
     * A JSON-lines record; null when it has no message field (the caller reports it). Docker's {@code {"log":..,
     * "stream":..}} wrapper gives the raw line it holds; a search hit ({@code {"_source":{...}}}) the record it holds.
     */
    LogEvent record(String source, long line, String fallbackService, JsonNode node) {
        boolean datadog = isDatadogLog(node);
        node = unwrapped(node);
        if (isDockerWrapper(node)) {
            String docker = text(node, "log");
            String body = docker.endsWith("\n") ? docker.substring(0, docker.length() - 1) : docker;
            return containerEvent(source, line, service(node, fallbackService), body, time(node));
        }
        if (isCloudLoggingEntry(node)) {
            return cloudLogging(source, line, fallbackService, node);
        }
        if (isKubernetesEvent(node)) {
            return kubernetesEvent(source, line, fallbackService, node);
        }
        String message = message(node);
        if (message == null) {
            return accessRecord(source, line, fallbackService, node);
        }
        String level = datadog ? first(node, "status") : first(node, LEVEL_FIELDS);
        Severity severity = isWindowsEvent(node) ? windowsSeverity(node)
                : level == null && isClef(node) ? Severity.INFO
                : level == null ? appInsightsSeverity(first(node, APP_INSIGHTS_LEVEL_FIELDS)) : severity(level);
        int status = datadog ? -1 : httpStatus(node); // Datadog's status is the level
        String request = status < 0 ? null : requestLine(node);
        if (request != null && message.indexOf('\n') < 0 && !namesWord(message, target(request))) {
            message = message + " \"" + request + "\" " + status;
            Severity answered = Severity.ofHttpStatus(status);
            severity = answered.compareTo(severity) > 0 ? answered : severity;
        }
        return threaded(split(source, line, service(node, origin(node, fallbackService)), message, time(node),
                severity, traceId(contextual(node, TRACE_FIELDS)), spanId(contextual(node, SPAN_FIELDS)),
                RecordErrors.of(node), isJournalEntry(node)), first(node, THREAD_FIELDS));
    }

    /**
     * The thread a record names: logstash-logback-encoder's {@code thread_name}, Logback's own JSON encoder's and
     * python-json-logger's {@code threadName}, log4j2's JSON layouts' {@code thread}, ECS's {@code
     * process.thread.name}, Spring Boot's GELF {@code _process_thread_name}.
     */
    private static final String[] THREAD_FIELDS = {"thread_name", "threadName", "thread", "thread.name",
        "process.thread.name", "_process_thread_name"};

    /** The event with the thread its record names, when it names one (values are paired with its statements). */
    static LogEvent threaded(LogEvent event, String thread) {
        return thread == null || thread.isEmpty() ? event : event.withThread(thread);
    }

    /**
     * A journald entry, as {@code journalctl -o json} writes it. Its {@code PRIORITY} is the program's choice when
     * it logged to syslog or the journal, but for a service's output (its stdout and stderr) only the stream's
     * default, information; either way a level the line itself writes ({@code ERROR:}, a JSON record's
     * {@code "level":"error"}, PostgreSQL's {@code ERROR:} that its syslog calls a warning) is the program's own
     * word, and wins.
     */
    static boolean isJournalEntry(JsonNode node) {
        return node.has("__REALTIME_TIMESTAMP") && node.has("MESSAGE");
    }

    /**
     * A request's method in a JSON access log: Envoy's and Istio's, nginx's and Traefik's JSON formats, ECS; Caddy's
     * and pino-http's request object ({@code request.method}, {@code req.method}).
     */
    private static final String[] METHOD_FIELDS = {"method", "request_method", "RequestMethod", "http_method",
        "httpMethod", "http.request.method", "verb", "request.method", "req.method"};
    private static final String[] PATH_FIELDS = {"path", "request_uri", "uri", "RequestPath", "request_path",
        "url.path", "url.original", "url", "request.uri", "req.url"};
    private static final String[] PROTOCOL_FIELDS = {"protocol", "server_protocol", "RequestProtocol",
        "request.proto"};
    private static final String[] STATUS_FIELDS = {"response_code", "status", "status_code", "statusCode",
        "DownstreamStatus", "http.response.status_code", "response_status", "res.statusCode"};
    /** nginx's {@code $request}: the request line whole ({@code GET /cart HTTP/1.1}). */
    private static final String[] REQUEST_LINE_FIELDS = {"request"};
    /** Envoy's {@code start_time}, nginx's {@code $time_iso8601} and {@code $time_local}, Traefik's {@code StartUTC}. */
    private static final String[] ACCESS_TIME_FIELDS = {"start_time", "time_iso8601", "time_local", "StartUTC"};
    private static final java.util.regex.Pattern HTTP_METHOD = java.util.regex.Pattern.compile(
            "GET|HEAD|POST|PUT|DELETE|PATCH|OPTIONS|CONNECT|TRACE");

    /**
     * A record of a JSON access log, which has no message: the request and its status read as the Common Log
     * Format writes them ({@code "GET /orders/7 HTTP/1.1" 503}), the severity from the status class (5xx error, 4xx
     * warning, others information); null when the record names no HTTP method and path (or request line).
     */
    private LogEvent accessRecord(String source, long line, String fallbackService, JsonNode node) {
        String request = requestLine(node);
        if (request == null) {
            return null;
        }
        int status = httpStatus(node);
        Severity severity = status < 0 ? Severity.UNKNOWN : Severity.ofHttpStatus(status);
        long time = time(node);
        String accessTime = time == LogHeader.NO_TIME ? first(node, ACCESS_TIME_FIELDS) : null;
        return split(source, line, service(node, origin(node, fallbackService)),
                "\"" + request + "\"" + (status < 0 ? "" : " " + status),
                accessTime != null ? time(accessTime) : time, severity,
                traceId(contextual(node, TRACE_FIELDS)), spanId(contextual(node, SPAN_FIELDS)), null);
    }

    /**
     * The request a JSON record names, as the Common Log Format's request line writes it ({@code GET /orders/7
     * HTTP/1.1}): nginx's {@code request}, else its method, path and protocol fields; null when it names no HTTP
     * method and path.
     */
    private static String requestLine(JsonNode node) {
        String request = first(node, REQUEST_LINE_FIELDS);
        if (request != null && request.indexOf(' ') > 0
                && HTTP_METHOD.matcher(request.substring(0, request.indexOf(' '))).matches()) {
            return request;
        }
        String method = first(node, METHOD_FIELDS);
        String path = first(node, PATH_FIELDS);
        if (method == null || path == null || !HTTP_METHOD.matcher(method.toUpperCase(Locale.ROOT)).matches()) {
            return null;
        }
        String protocol = first(node, PROTOCOL_FIELDS);
        return method.toUpperCase(Locale.ROOT) + " " + path + (protocol == null ? "" : " " + protocol);
    }

    /** A request line's target, the path between its method and its protocol. */
    private static String target(String requestLine) {
        int from = requestLine.indexOf(' ') + 1;
        int protocol = requestLine.lastIndexOf(" HTTP/");
        return requestLine.substring(from, protocol >= from ? protocol : requestLine.length());
    }

    /** Whether {@code word} stands in {@code text} between spaces or at its ends ("GET /health 200" names /health). */
    private static boolean namesWord(String text, String word) {
        for (int i = text.indexOf(word); i >= 0; i = text.indexOf(word, i + 1)) {
            int after = i + word.length();
            if ((i == 0 || text.charAt(i - 1) == ' ') && (after == text.length() || text.charAt(after) == ' ')) {
                return true;
            }
        }
        return false;
    }

    /** The HTTP status a JSON record names (three digits in a status field), or -1. */
    private static int httpStatus(JsonNode node) {
        String status = first(node, STATUS_FIELDS);
        return status != null && status.length() == 3 && status.chars().allMatch(Character::isDigit)
                ? Integer.parseInt(status) : -1;
    }

    /**
     * Where an export says a record came from, for its service when no field names one: the file a shipper read it
     * from (Filebeat's {@code log.file.path}, Vector's {@code file}), the file Splunk read it from
     * ({@code source}, named as the file would be; else its {@code sourcetype}), the CloudWatch log group a Logs
     * Insights row names ({@code @log}: {@code 123456789012:/ecs/checkout} gives checkout); else the fallback.
     */
    private static String origin(JsonNode node, String fallback) {
        String shipped = shippedFile(node);
        if (shipped != null) {
            return LogFileReader.serviceOf(shipped);
        }
        if (node.has("_raw")) {
            String file = first(node, "source");
            return file != null ? LogFileReader.serviceOf(file) : first(node, new String[] {"sourcetype"}, fallback);
        }
        String group = first(node, "@log");
        if (group != null) {
            String name = group.substring(group.indexOf(':') + 1);
            int slash = name.lastIndexOf('/');
            return slash >= 0 && slash < name.length() - 1 ? name.substring(slash + 1) : name;
        }
        return fallback;
    }

    /**
     * The record a wrapper holds: an Elasticsearch or OpenSearch hit's {@code _source}, a Splunk export row's
     * {@code result} ({@code {"preview": false, "result": {"_raw": ..., "_time": ...}}}), a Datadog log's
     * {@code attributes} (as its Logs API lists them: {@code {"type": "log", "attributes": {...}}}); else the node.
     */
    static JsonNode unwrapped(JsonNode node) {
        JsonNode stored = node.get("_source");
        if (stored != null && stored.isObject() && message(node) == null) {
            return stored;
        }
        JsonNode result = node.get("result");
        if (result != null && result.isObject() && (result.has("_raw") || result.has("_time"))) {
            return result;
        }
        return isDatadogLog(node) ? node.get("attributes") : node;
    }

    /** A log as Datadog's Logs API lists it: its fields in {@code attributes}, its level there as {@code status}. */
    private static boolean isDatadogLog(JsonNode node) {
        return "log".equals(text(node, "type")) && node.path("attributes").isObject()
                && node.path("attributes").has("message");
    }

    /**
     * A Google Cloud Logging entry ({@code LogEntry}), as {@code gcloud logging read --format=json} and the log sinks
     * to Cloud Storage and BigQuery write them: the message in {@code textPayload} or {@code jsonPayload}, or an
     * HTTP request or an audited call with none.
     */
    static boolean isCloudLoggingEntry(JsonNode node) {
        return node.path("logName").isTextual() && (node.has("textPayload") || node.has("jsonPayload")
                || node.has("httpRequest") || node.has("protoPayload"));
    }

    /** Where Cloud Logging's monitored resources name the program: container, Cloud Run, functions, App Engine. */
    private static final String[] CLOUD_RESOURCE_SERVICE_LABELS = {"container_name", "service_name", "function_name",
        "job_name", "module_id", "backend_service_name"};
    /** The pod labels GKE copies into an entry's labels ({@code k8s-pod/<label>}). */
    private static final String[] CLOUD_POD_SERVICE_LABELS = {"k8s-pod/app_kubernetes_io/name", "k8s-pod/app",
        "k8s-pod/k8s-app"};

    /**
     * A Cloud Logging entry's event: its text payload, its JSON payload's message, else its HTTP request ({@code GET
     * /cart 200}, the path without its query) or its audited call (the method, and the status when it failed); null
     * when it has none of them. Severity, time, trace ({@code projects/P/traces/ID}) and span from the entry, else
     * from the JSON payload; the service from the monitored resource's labels, else the pod's, else the audited API,
     * else the payload's.
     */
    private LogEvent cloudLogging(String source, long line, String fallbackService, JsonNode entry) {
        JsonNode payload = entry.path("jsonPayload");
        String message = first(entry, "textPayload");
        message = message != null ? message : message(payload);
        message = message != null ? message : request(entry.path("httpRequest"));
        message = message != null ? message : audited(entry.path("protoPayload"));
        if (message == null) {
            return null;
        }
        Severity severity = severity(first(entry, "severity")); // DEFAULT: none given
        severity = severity != Severity.UNKNOWN ? severity : severity(first(payload, LEVEL_FIELDS));
        String timestamp = first(entry, "timestamp", "receiveTimestamp");
        TraceId traceId = traceId(first(entry, "trace"));
        SpanId spanId = spanId(first(entry, "spanId"));
        String service = first(entry.path("resource").path("labels"), CLOUD_RESOURCE_SERVICE_LABELS, null);
        service = service != null ? service : first(entry.path("labels"), CLOUD_POD_SERVICE_LABELS, null);
        service = service != null ? service : first(entry.path("protoPayload"), "serviceName"); // the API audited
        return split(source, line, service != null ? service : service(payload, fallbackService), message,
                timestamp != null ? time(timestamp) : time(payload), severity,
                traceId != null ? traceId : traceId(first(payload, TRACE_FIELDS)),
                spanId != null ? spanId : spanId(first(payload, SPAN_FIELDS)), RecordErrors.of(payload));
    }

    /**
     * A Kubernetes Event, as {@code kubectl get events -o json} lists them (core v1: {@code involvedObject},
     * {@code message}) or the {@code events.k8s.io} API writes them ({@code regarding}, {@code note}).
     */
    static boolean isKubernetesEvent(JsonNode node) {
        return node.path("reason").isTextual() && (node.has("involvedObject") || node.has("regarding"));
    }

    /** The times an Event carries, the latest occurrence first. */
    private static final String[] KUBERNETES_EVENT_TIMES = {"lastTimestamp", "series.lastObservedTime",
        "deprecatedLastTimestamp", "eventTime", "firstTimestamp", "metadata.creationTimestamp"};

    /**
     * A Kubernetes Event: {@code <reason>: <message>} ({@code BackOff: Back-off restarting failed container ...}),
     * its type as the level (Warning: warn, Normal: info), its last occurrence as its time; the service is the
     * container the event names ({@code spec.containers{checkout}}), else the program of the pod (its name without
     * the ReplicaSet's and the pod's suffixes), else the object's name. An event seen several times ({@code count})
     * is one event.
     */
    private LogEvent kubernetesEvent(String source, long line, String fallbackService, JsonNode event) {
        String reason = first(event, "reason");
        String message = first(event, "message", "note");
        JsonNode object = event.has("involvedObject") ? event.path("involvedObject") : event.path("regarding");
        String name = first(object, "name");
        String fieldPath = first(object, "fieldPath");
        String service = fieldPath != null && fieldPath.matches("spec\\.(init|ephemeral)?[cC]ontainers\\{.+}")
                ? fieldPath.substring(fieldPath.indexOf('{') + 1, fieldPath.length() - 1)
                : name == null ? fallbackService
                : "Pod".equals(first(object, "kind")) ? LogFileReader.programOfPod(name) : name;
        String type = first(event, "type");
        Severity severity = "Warning".equalsIgnoreCase(type) ? Severity.WARN
                : "Normal".equalsIgnoreCase(type) ? Severity.INFO : severity(type);
        String time = first(event, KUBERNETES_EVENT_TIMES, null);
        return split(source, line, service, message == null ? reason : reason + ": " + message,
                time == null ? LogHeader.NO_TIME : time(time), severity, null, null, null);
    }

    /** {@code GET /cart 200} of an entry's {@code httpRequest} (a load balancer's), or null without a URL. */
    private static String request(JsonNode http) {
        String url = first(http, "requestUrl");
        if (url == null) {
            return null;
        }
        String method = first(http, "requestMethod");
        String status = first(http, "status");
        return (method != null ? method + " " : "") + Texts.urlPath(url) + (status != null ? " " + status : "");
    }

    /**
     * An audit log's call ({@code protoPayload.methodName}), with its status message when it failed; App Engine's
     * request log's request ({@code GET /cart 200}); or null.
     */
    private static String audited(JsonNode call) {
        String method = first(call, "methodName");
        if (method == null) { // App Engine's request log: the request itself, as a load balancer's is read
            String path = first(call, "resource");
            return path == null ? null : (first(call, new String[] {"method"}, "") + " " + Texts.urlPath(path)
                    + (call.has("status") ? " " + call.path("status").asText() : "")).strip();
        }
        JsonNode status = call.path("status");
        return status.path("code").asInt(0) == 0 ? method
                : method + " failed: " + first(status, new String[] {"message"}, "code " + status.path("code").asInt());
    }

    /**
     * Programs that run another's code: a service they run is named by its systemd unit, not by them (a unit's
     * {@code ExecStart=/usr/bin/python3 app.py} logs as {@code python3}, as every other Python service does).
     */
    private static final java.util.regex.Pattern RUNTIMES = java.util.regex.Pattern.compile(
            "(?:python|pypy)[0-9.]*|java|node(?:js)?|deno|bun|ruby[0-9.]*|perl[0-9.]*|php[0-9.]*|dotnet|mono"
                    + "|beam\\.smp|bash|sh|dash|env");

    /**
     * A journald entry's service when its program is a runtime ({@link #RUNTIMES}) or unnamed and it ran in a
     * service unit: the unit without {@code .service} ({@code orders.service} gives orders); else null.
     */
    private static String journalUnit(JsonNode node) {
        if (!isJournalEntry(node)) {
            return null;
        }
        String unit = text(node, "_SYSTEMD_UNIT");
        if (unit == null || !unit.endsWith(SERVICE_UNIT) || unit.length() == SERVICE_UNIT.length()) {
            return null;
        }
        String program = text(node, "SYSLOG_IDENTIFIER");
        return program == null || RUNTIMES.matcher(program).matches()
                ? unit.substring(0, unit.length() - SERVICE_UNIT.length()) : null;
    }

    private static final String SERVICE_UNIT = ".service";

    /**
     * The record's service: a service field, else Google Cloud's {@code serviceContext.service}, else the
     * application's {@code name} in the records of pino and bunyan (named by their core fields: {@code name} beside
     * {@code pid}, {@code hostname} and {@code msg}; elsewhere {@code name} is often a logger's), else the fallback.
     */
    private static String service(JsonNode node, String fallback) {
        String unit = journalUnit(node);
        if (unit != null) {
            return unit;
        }
        String service = first(node, SERVICE_FIELDS, null);
        service = service != null ? service : first(node.path("serviceContext"), SERVICE_CONTEXT_FIELDS, null);
        boolean nodeLogger = node.has("pid") && node.has("hostname") && node.has("msg");
        return service != null ? service : nodeLogger ? first(node, NODE_LOGGER_NAME, fallback) : fallback;
    }

    /**
     * The line a container wrote, when {@code node} is docker's {@code json-file} wrapper of one ({@code {"log":
     * "...\n", "stream": "stdout", "time": ...}}, or a shipper's, Fluent Bit's or Fluentd's, naming its container:
     * {@link #containerService}) and the line is no JSON record of its own; else null.
     */
    static String containerText(JsonNode node) {
        if (!isDockerWrapper(node)) {
            return null;
        }
        String text = node.get("log").asText();
        int end = text.length();
        while (end > 0 && (text.charAt(end - 1) == '\n' || text.charAt(end - 1) == '\r')) {
            end--;
        }
        String line = EscapeCodes.strip(text.substring(0, end));
        return line.stripLeading().startsWith("{") || line.indexOf('\n') >= 0 ? null : line;
    }

    /**
     * The service a container's wrapped line names (a shipper writes the lines of many containers into one file, each
     * with its container: they are folded apart), or null for docker's own wrapper, whose file is the container's.
     */
    static String containerService(JsonNode node) {
        return service(node, null);
    }

    /**
     * The line a shipper read from a file and sent as it was, a record a line, when the record knows nothing else of
     * it (no level, trace or error); else null. Filebeat and Elastic Agent without a multiline rule write the file in
     * {@code log.file.path} beside the {@code message}; Vector's file source in {@code file}, with {@code source_type}
     * {@code file}. Such lines are folded as the file's lines would be ({@link #shippedService} names their lane), so
     * a stack trace sent a frame a record is one event.
     */
    static String shippedLine(JsonNode node) {
        if (shippedFile(node) == null || first(node, LEVEL_FIELDS) != null || contextual(node, TRACE_FIELDS) != null
                || RecordErrors.of(node) != null) {
            return null;
        }
        JsonNode message = node.get("message");
        String text = message != null && message.isTextual() ? oneLine(message.asText()) : null;
        return text == null || text.isEmpty() ? null : text;
    }

    /**
     * A journald entry's message read as a line of its program's log, folded with the lines around it of the same
     * program ({@link #containerService}) as a container's are: a Python traceback journald kept a line an entry is
     * one event, as are PostgreSQL's statement and detail after its error. Its level is the one the line writes
     * ({@link #isJournalEntry}), else its {@code PRIORITY}, but for a service's output ({@code _TRANSPORT}
     * {@code stdout}) at the stream's default, information, which says nothing the program chose. Null for an entry
     * of several lines or a JSON record (read as a record) and for any other record.
     */
    static JournalLine journalLine(JsonNode node) {
        if (!isJournalEntry(node)) {
            return null;
        }
        String message = text(node, "MESSAGE");
        String text = oneLine(message != null ? message : journalBytes(node.get("MESSAGE")));
        if (text == null || text.isEmpty()) {
            return null;
        }
        String priority = text(node, "PRIORITY");
        boolean output = "stdout".equals(text(node, "_TRANSPORT")) && JOURNAL_STREAM_PRIORITY.equals(priority);
        boolean written = writtenLevel(text) != Severity.UNKNOWN;
        return new JournalLine(text, output || written ? Severity.UNKNOWN : severity(priority));
    }

    /** A journald entry's line, and the level its entry gives it (unknown: the line's header says). */
    record JournalLine(String text, Severity severity) {
    }

    /** journald's {@code PRIORITY} of a service's output by default ({@code SyslogLevel=info}). */
    private static final String JOURNAL_STREAM_PRIORITY = "6";

    /** The service of a shipped line ({@link #shippedLine}): a service field, else the file's name. */
    static String shippedService(JsonNode node) {
        return service(node, LogFileReader.serviceOf(shippedFile(node)));
    }

    private static String shippedFile(JsonNode node) {
        String file = text(node, "log.file.path");
        return file != null ? file : "file".equals(text(node, "source_type")) ? text(node, "file") : null;
    }

    /** docker's {@code json-file} wrapper ({@code {"log": ..., "stream": ...}}), not a record with a message. */
    private static boolean isDockerWrapper(JsonNode node) {
        JsonNode log = node.get("log");
        return log != null && log.isTextual() && node.has("stream") && first(node, "message", "msg") == null;
    }

    /** The event of a line a container wrote (a raw line: its header is read when mined), at its wrapper's time. */
    LogEvent containerEvent(String source, long line, String service, String text, long epochMillis) {
        return containerEvent(source, line, service, text, epochMillis, Severity.UNKNOWN);
    }

    /** {@link #containerEvent}, with the level its record gave a line that writes none. */
    LogEvent containerEvent(String source, long line, String service, String text, long epochMillis,
            Severity severity) {
        return split(source, line, service, text, epochMillis, severity, null, null, null);
    }

    /** The record's time: the first time field, a MongoDB extended JSON date ({@code {"$date": ...}}) unwrapped. */
    static long time(JsonNode node) {
        for (String field : TIME_FIELDS) {
            JsonNode value = node.get(field);
            for (String wrapper : EXTENDED_JSON_WRAPPERS) {
                if (value != null && value.isObject() && value.has(wrapper)) {
                    value = value.get(wrapper);
                }
            }
            if (value != null && value.isValueNode() && !value.isNull() && !value.asText().isEmpty()) {
                return time(value.asText());
            }
        }
        JsonNode instant = node.get("instant"); // log4j2's JsonLayout: {"epochSecond": ..., "nanoOfSecond": ...}
        if (instant != null && instant.path("epochSecond").isIntegralNumber()) {
            return instant.get("epochSecond").asLong() * 1000 + instant.path("nanoOfSecond").asLong(0) / 1_000_000;
        }
        return LogHeader.NO_TIME;
    }

    /**
     * A Windows event as PowerShell writes it ({@code Get-WinEvent | ConvertTo-Json}): its {@code Level} is Windows'
     * own scale, not syslog's.
     */
    private static boolean isWindowsEvent(JsonNode node) {
        return node.has("ProviderName") && node.has("TimeCreated") && node.has("Level");
    }

    /** Windows' levels: 1 critical, 2 error, 3 warning, 4 information (0, "log always", too), 5 verbose. */
    private static final Severity[] WINDOWS_LEVELS = {Severity.INFO, Severity.FATAL, Severity.ERROR, Severity.WARN,
        Severity.INFO, Severity.TRACE};

    /**
     * A Windows event's severity: its level's number on Windows' scale, else its level's name (in the language of
     * the machine that wrote it: read when it is English).
     */
    private static Severity windowsSeverity(JsonNode event) {
        JsonNode level = event.get("Level");
        int number = level.isIntegralNumber() || level.isTextual() ? level.asInt(-1) : -1;
        return number >= 0 && number < WINDOWS_LEVELS.length ? WINDOWS_LEVELS[number]
                : severity(first(event, "LevelDisplayName"));
    }

    /** Application Insights' {@code SeverityLevel} (0 verbose, 1 information, 2 warning, 3 error, 4 critical). */
    private static Severity appInsightsSeverity(String level) {
        return level != null && level.length() == 1 && level.charAt(0) >= '0' && level.charAt(0) <= '4'
                ? APP_INSIGHTS_LEVELS[level.charAt(0) - '0'] : Severity.UNKNOWN;
    }

    /** Serilog's compact JSON leaves the level out when it is Information. */
    private static boolean isClef(JsonNode node) {
        return node.has("@t") && (node.has("@m") || node.has("@mt"));
    }

    /**
     * A Grafana Loki stream as its query API answers ({@code {"stream": {labels}, "values": [["<ns>", "line"],
     * ...]}}): true for such an object.
     */
    static boolean isLokiStream(JsonNode node) {
        return node.path("stream").isObject() && node.path("values").isArray();
    }

    /** A line as Loki's {@code logcli --output=jsonl} writes it: {@code {"labels": {...}, "line": "...", ...}}. */
    static boolean isLokiLine(JsonNode node) {
        return node.path("labels").isObject() && node.path("line").isTextual();
    }

    /**
     * The events of a Loki stream, one per value, each with the stream's labels; {@code malformed} is told the index
     * of each value that is no {@code [time, line]} pair (skipped).
     */
    java.util.List<LogEvent> lokiStream(String source, long line, String fallbackService, JsonNode stream,
            java.util.function.IntConsumer malformed) {
        java.util.List<LogEvent> events = new java.util.ArrayList<>();
        int index = 0;
        for (JsonNode value : stream.path("values")) {
            if (value.isArray() && value.size() >= 2 && value.get(1).isTextual()) {
                events.add(loki(source, line, fallbackService, stream.path("stream"), value.path(2),
                        value.get(0).asText(), value.get(1).asText()));
            } else {
                malformed.accept(index);
            }
            index++;
        }
        return events;
    }

    /**
     * A Loki line: its service and level from its labels, its trace and span from its labels or its structured
     * metadata (Loki 3 keeps OTLP logs' {@code trace_id} there: merged into the labels by default, or in a value's
     * third element, {@code {"structuredMetadata": {...}}}, when the query asked for categorised labels), its time
     * in nanoseconds (or RFC 3339).
     *
     * @param metadata a value's third element, or a missing node
     */
    LogEvent loki(String source, long line, String fallbackService, JsonNode labels, JsonNode metadata, String time,
            String text) {
        String job = first(labels, "job");
        String service = first(labels, LOKI_SERVICE_LABELS, job == null ? fallbackService
                : job.substring(job.lastIndexOf('/') + 1)); // "namespace/app", as Kubernetes scrapes name jobs
        JsonNode structured = metadata.path("structuredMetadata");
        JsonNode ids = first(labels, TRACE_FIELDS) != null ? labels : structured.isObject() ? structured : metadata;
        return split(source, line, service, text, time(time), severity(first(labels, LOKI_LEVEL_LABELS)),
                traceId(first(ids, TRACE_FIELDS)), spanId(first(ids, SPAN_FIELDS)), null);
    }

    /** An OTLP/JSON LogRecord of a known service; its {@code exception.*} attributes as its error. */
    LogEvent otlp(String source, long line, String service, JsonNode record) {
        String thread = null;
        for (JsonNode attribute : record.path("attributes")) {
            if (OTLP_THREAD.equals(attribute.path("key").asText())) {
                thread = anyValue(attribute.path("value"));
                break;
            }
        }
        return threaded(split(source, line, service, anyValue(record.path("body")), otlpMillis(record),
                otlpSeverity(record), traceId(record.path("traceId").asText(null)),
                spanId(record.path("spanId").asText(null)), otlpError(record.path("attributes"))), thread);
    }

    /** The attribute OpenTelemetry's conventions name a record's thread by (the Java agent's appenders add it). */
    static final String OTLP_THREAD = "thread.name";

    /** An OTLP/JSON record's time, else the time it was observed; {@code NO_TIME} without either. */
    static long otlpMillis(JsonNode record) {
        long nanos = record.path("timeUnixNano").asLong(0);
        if (nanos == 0) {
            nanos = record.path("observedTimeUnixNano").asLong(0);
        }
        return nanos == 0 ? LogHeader.NO_TIME : nanos / 1_000_000;
    }

    /**
     * The line an OTLP/JSON record holds when it is one bare line of a file, as the Collector's {@code filelog}
     * receiver sends a file without a multiline rule: a body of one line of text and nothing else known (no
     * severity, no trace, no exception), which may continue the record before it as a stack trace's frame does;
     * else null.
     */
    static String bareLine(JsonNode record) {
        JsonNode body = record.path("body").path("stringValue");
        if (!body.isTextual()) {
            return null;
        }
        boolean exception = false;
        for (JsonNode attribute : record.path("attributes")) {
            exception |= attribute.path("key").asText().startsWith("exception.");
        }
        return bareLine(body.asText(), otlpSeverity(record), !record.path("traceId").asText("").isEmpty(), exception);
    }

    /**
     * The rule of {@link #bareLine(JsonNode)} on a record's parts, whatever its encoding: the body's text (colours
     * stripped) when it is one line that opens no JSON object and nothing else is known; else null.
     */
    static String bareLine(String body, Severity severity, boolean traced, boolean exception) {
        if (severity != Severity.UNKNOWN || traced || exception) {
            return null;
        }
        return oneLine(body);
    }

    /**
     * A record's text (colours stripped) when it is one line of a file as a shipper reads it: no line under it, no
     * JSON object opening it (that is a record, read as one); else null.
     */
    private static String oneLine(String body) {
        if (body == null) {
            return null;
        }
        String text = EscapeCodes.strip(body);
        return text.indexOf('\n') >= 0 || text.stripLeading().startsWith("{") ? null : text;
    }

    /** The {@code exception.*} attributes of an OTLP/JSON record ({@code [{"key":..,"value":{..}}]}), or null. */
    private static String otlpError(JsonNode attributes) {
        RecordErrors.OtelAttributes error = new RecordErrors.OtelAttributes();
        attributes.forEach(a -> error.put(a.path("key").asText(), () -> anyValue(a.path("value"))));
        return error.text();
    }

    /** An OTLP protobuf LogRecord's parts (the body as text; the error from its exception attributes or null). */
    LogEvent otlp(String source, long line, String service, String body, long epochMillis, Severity severity,
            TraceId traceId, SpanId spanId, String error) {
        return split(source, line, service, body, epochMillis, severity, traceId, spanId, error);
    }

    /**
     * The event, after opening a JSON message and splitting off what follows its first line; the record's error
     * ({@link RecordErrors}; null when none) is folded under it unless the message holds it already.
     */
    private LogEvent split(String source, long line, String service, String message, long time, Severity severity,
            TraceId traceId, SpanId spanId, String error) {
        return split(source, line, service, message, time, severity, traceId, spanId, error, false);
    }

    /**
     * The event of a record's message: a JSON record of its own opened, a header left for the layout, the lines
     * after the first folded; {@code writtenLevelFirst}: a level the message writes beats {@code severity}.
     */
    private LogEvent split(String source, long line, String service, String message, long time, Severity severity,
            TraceId traceId, SpanId spanId, String error, boolean writtenLevelFirst) {
        String text = EscapeCodes.strip(message); // colours a terminal-minded logger put in
        JsonNode inner = innerRecord(text);
        boolean opened = false;
        if (inner != null) {
            String innerMessage = message(inner);
            if (innerMessage != null) {
                opened = true;
                text = EscapeCodes.strip(innerMessage);
                time = time != LogHeader.NO_TIME ? time : time(inner);
                Severity written = severity(first(inner, LEVEL_FIELDS));
                severity = written != Severity.UNKNOWN && (severity == Severity.UNKNOWN || writtenLevelFirst) ? written
                        : severity;
                traceId = traceId != null ? traceId : traceId(contextual(inner, TRACE_FIELDS));
                spanId = spanId != null ? spanId : spanId(contextual(inner, SPAN_FIELDS));
                error = error != null ? error : RecordErrors.of(inner);
            }
        }
        int newline = text.indexOf('\n');
        String first = newline < 0 ? text : text.substring(0, newline);
        String rest = newline < 0 ? "" : text.substring(newline + 1);
        if (first.endsWith("\r")) {
            first = first.substring(0, first.length() - 1);
        }
        if (writtenLevelFirst && !opened) {
            Severity written = writtenLevel(first);
            severity = written != Severity.UNKNOWN ? written : severity;
        }
        if (traceId == null) { // no field for it: the message may name it (trace_id=..., [app,trace,span])
            TraceIdsInText.Ids ids = TraceIdsInText.find(first);
            if (ids != null) {
                traceId = ids.trace();
                spanId = spanId != null ? spanId : ids.span();
            }
        }
        return new LogEvent(source, line, 1, service, first, true, folded(first, rest, error), time, severity, traceId,
                spanId);
    }

    /**
     * The lines after a message's first, with the error after them unless they hold its first line already; an error
     * that repeats the message's first line (GELF's {@code full_message}) gives what follows it.
     */
    private static String folded(String first, String rest, String error) {
        if (error != null && error.startsWith(first) && error.startsWith("\n", first.length())) {
            error = error.substring(first.length() + 1);
        }
        if (error == null || error.isBlank()) {
            return rest;
        }
        int newline = error.indexOf('\n');
        return rest.isEmpty() ? error
                : rest.contains(newline < 0 ? error : error.substring(0, newline)) ? rest : rest + "\n" + error;
    }

    /**
     * A text line's trailing JSON object, the fields of its message, as loggers that print the message and then its
     * fields write it (winston's simple format: {@code info: order 7 placed {"service":"shop","timestamp":"..."}};
     * zap's console: {@code ... order placed {"order": 7}}): where it starts, and what it says of the line's time,
     * service, trace and error; null when the line ends in none (an object opens at a {@code {"} after a space or a
     * tab, with text before it, and closes the line).
     */
    Trailing trailing(String line) {
        int n = line.length();
        if (n < 4 || line.charAt(n - 1) != '}') {
            return null; // nearly every line
        }
        int tries = 0;
        for (int open = line.indexOf("{\"", 1); open > 0 && tries < 3; open = line.indexOf("{\"", open + 1)) {
            char before = line.charAt(open - 1);
            if (before != ' ' && before != '\t' || line.substring(0, open).isBlank()) {
                continue;
            }
            tries++;
            try {
                JsonNode node = json.readTree(line.substring(open));
                if (node != null && node.isObject()) {
                    String message = textMessage(node); // a trailing object's value is no message of its own
                    return new Trailing(open - 1, time(node), first(node, SERVICE_FIELDS, null),
                            traceId(contextual(node, TRACE_FIELDS)), spanId(contextual(node, SPAN_FIELDS)),
                            RecordErrors.of(node), message == null ? null : EscapeCodes.strip(message).strip(),
                            message == null ? Severity.UNKNOWN : severity(first(node, LEVEL_FIELDS)));
                }
            } catch (JsonProcessingException notTheObject) {
                // a brace inside the message: the object may open later
            }
        }
        return null;
    }

    /**
     * A text line's trailing object ({@link #trailing}): the space before it, and {@code NO_TIME} and nulls for what
     * it does not say. An object with a message is a record behind a prefix (a JSON logger's line forwarded through
     * syslog, Fluentd's file output: {@code <time> <tag> {"log": ...}}), its {@code message} and {@code severity} the
     * record's; else the object holds the fields of the message before it ({@code message} null).
     */
    record Trailing(int start, long epochMillis, String service, TraceId traceId, SpanId spanId, String error,
            String message, Severity severity) {
    }

    /** A message that is a JSON object of its own, or null. */
    private JsonNode innerRecord(String message) {
        int start = 0;
        while (start < message.length() && Character.isWhitespace(message.charAt(start))) {
            start++;
        }
        if (start >= message.length() || message.charAt(start) != '{' || !message.stripTrailing().endsWith("}")) {
            return null;
        }
        try {
            JsonNode node = json.readTree(message);
            return node != null && node.isObject() ? node : null;
        } catch (JsonProcessingException notJson) {
            return null;
        }
    }

    static String serviceOfResource(JsonNode resource) {
        for (JsonNode attribute : resource.path("attributes")) {
            if ("service.name".equals(attribute.path("key").asText())) {
                return attribute.path("value").path("stringValue").asText("unknown_service");
            }
        }
        return "unknown_service";
    }

    private static Severity otlpSeverity(JsonNode record) {
        JsonNode number = record.path("severityNumber");
        if (number.isInt()) {
            return Severity.fromOtlpNumber(number.asInt());
        }
        String text = number.isTextual() ? number.asText().replace("SEVERITY_NUMBER_", "")
                : record.path("severityText").asText("");
        int end = text.length();
        while (end > 0 && Character.isDigit(text.charAt(end - 1))) {
            end--; // "INFO2", "ERROR3"
        }
        return severity(text.substring(0, end));
    }

    /**
     * Monolog's level numbers (PHP: Laravel, Symfony), RFC 5424's eight levels on its own scale: 100 debug, 200 info,
     * 250 notice, 300 warning, 400 error, 500 critical (an error, as the word is), 550 alert, 600 emergency.
     */
    private static final java.util.Map<String, Severity> MONOLOG_LEVELS = java.util.Map.of("100", Severity.DEBUG,
            "200", Severity.INFO, "250", Severity.INFO, "300", Severity.WARN, "400", Severity.ERROR,
            "500", Severity.ERROR, "550", Severity.FATAL, "600", Severity.FATAL);

    private static final Severity[] PINO_LEVELS = {Severity.TRACE, Severity.DEBUG, Severity.INFO, Severity.WARN,
        Severity.ERROR, Severity.FATAL};

    /**
     * A level word or letter, a syslog/journald/GELF priority number (0 emergency ... 7 debug), pino's and bunyan's
     * 10 to 60, Monolog's 100 to 600, MongoDB's debug verbosities D1 to D5, or PostgreSQL's severities.
     */
    private static Severity severity(String level) {
        if (level == null || level.isEmpty()) {
            return Severity.UNKNOWN;
        }
        if (level.length() == 1 && level.charAt(0) >= '0' && level.charAt(0) <= '7') {
            return Severity.fromSyslog(level.charAt(0) - '0'); // journald's PRIORITY, GELF's level
        }
        if (level.length() == 2 && level.charAt(1) == '0' && level.charAt(0) >= '1' && level.charAt(0) <= '6') {
            return PINO_LEVELS[level.charAt(0) - '1']; // pino and bunyan: 10 trace .. 60 fatal
        }
        if (level.length() == 2 && level.charAt(0) == 'D' && level.charAt(1) >= '1' && level.charAt(1) <= '5') {
            return Severity.DEBUG; // MongoDB's debug verbosity levels
        }
        Severity monolog = MONOLOG_LEVELS.get(level);
        if (monolog != null) {
            return monolog;
        }
        Severity s = PostgresMessages.severity(level, 0, level.length()); // a level word, PostgreSQL's LOG too
        if (s == null && level.length() == 1) {
            s = Severity.fromLetter(level.toUpperCase(Locale.ROOT).charAt(0));
        }
        return s == null ? Severity.UNKNOWN : s;
    }

    private static String anyValue(JsonNode value) {
        if (value.has("stringValue")) {
            return value.get("stringValue").asText();
        }
        if (value.isMissingNode() || value.isNull()) {
            return "";
        }
        JsonNode scalar = value.elements().hasNext() ? value.elements().next() : value;
        return scalar.isValueNode() ? scalar.asText() : scalar.toString();
    }

    /**
     * A field's value as text: a string, number or boolean, else null (an object where a name or level was looked
     * for, as ECS's {@code "log": {"level": ...}} beside its message, is none). A dotted name absent as such is looked
     * up as a path: Elastic Common Schema documents nest {@code service.name} as {@code {"service": {"name": ...}}}.
     */
    private static String text(JsonNode node, String field) {
        JsonNode v = value(node, field);
        return v == null || !v.isValueNode() || v.isNull() ? null : v.asText();
    }

    /** A field's value, by its name or, when dotted, by the path its parts name; null when absent. */
    static JsonNode value(JsonNode node, String field) {
        JsonNode v = node.get(field);
        for (int from = 0, dot; v == null && (dot = field.indexOf('.', from)) > 0 && node.isObject(); from = dot + 1) {
            JsonNode inner = node.get(field.substring(from, dot));
            if (inner == null || !inner.isObject()) {
                return null;
            }
            node = inner;
            v = node.get(field.substring(dot + 1));
        }
        return v;
    }

    /**
     * The record's message: the first message field holding text, else structlog's {@code event} when it is text,
     * else the first message field holding a JSON value (its JSON, opened later when it is a record of its own, as
     * Azure's {@code LogMessage} holds the line a container wrote); null when there is none. journald writes a
     * message that is no printable UTF-8 (a coloured line, a stray byte) as its bytes' numbers: decoded.
     */
    private static String message(JsonNode node) {
        String text = textMessage(node);
        if (text != null) {
            return text;
        }
        String bytes = journalBytes(node.get("MESSAGE"));
        if (bytes != null) {
            return bytes;
        }
        for (String field : MESSAGE_FIELDS) {
            JsonNode v = node.get(field);
            if (v != null && v.isContainerNode() && !v.isEmpty()) {
                return v.toString();
            }
        }
        return null;
    }

    /** A journald field written as its bytes ({@code [27, 91, 51, 49, 109, ...]}), as UTF-8; else null. */
    private static String journalBytes(JsonNode field) {
        if (field == null || !field.isArray() || field.isEmpty()) {
            return null;
        }
        byte[] bytes = new byte[field.size()];
        for (int i = 0; i < bytes.length; i++) {
            JsonNode b = field.get(i);
            if (!b.isInt() || b.intValue() < 0 || b.intValue() > 255) {
                return null;
            }
            bytes[i] = (byte) b.intValue();
        }
        return new String(bytes, StandardCharsets.UTF_8);
    }

    /** A record's message as text: the first message field that has some, else structlog's {@code event}. */
    private static String textMessage(JsonNode node) {
        String text = first(node, MESSAGE_FIELDS, null);
        if (text != null) {
            return text;
        }
        JsonNode event = node.get("event"); // ECS's event is an object, and no message
        return event != null && event.isTextual() && !event.asText().isEmpty() ? event.asText() : null;
    }

    /** The first of the fields holding text, at the record's top or else in its context map ({@link #CONTEXT_MAPS}). */
    private static String contextual(JsonNode node, String[] fields) {
        String value = first(node, fields, null);
        for (int i = 0; value == null && i < CONTEXT_MAPS.length; i++) {
            JsonNode map = node.get(CONTEXT_MAPS[i]);
            value = map != null && map.isObject() ? first(map, fields, null) : null;
        }
        return value;
    }

    private static String first(JsonNode node, String... fields) {
        return first(node, fields, null);
    }

    private static String first(JsonNode node, String[] fields, String fallback) {
        for (String field : fields) {
            String v = text(node, field);
            if (v != null && !v.isEmpty()) {
                return v;
            }
        }
        return fallback;
    }

    /**
     * ISO 8601, epoch seconds, milliseconds, microseconds (journald) or nanoseconds as a number, or the forms log
     * lines start with ({@code 2024-03-01 12:00:00,123}, as Python's logging writes {@code asctime}; a time without a
     * zone is UTC, as in text logs).
     */
    static long time(String text) {
        if (text == null || text.isEmpty()) {
            return LogHeader.NO_TIME;
        }
        if (text.length() >= 20 && (text.charAt(10) == 'T' || text.charAt(10) == 't')) {
            try {
                return Instant.parse(text).toEpochMilli();
            } catch (DateTimeParseException e) {
                return lineTime(text); // no zone, or a zone Instant does not read
            }
        }
        if (text.startsWith("/Date(") && text.endsWith(")/")) { // .NET's JSON date: Windows PowerShell's
            int end = text.length() - 2;
            int zone = Math.max(text.indexOf('+', 6), text.indexOf('-', 7)); // "/Date(ms+0100)/": ms are UTC
            try {
                return Long.parseLong(text, 6, zone > 0 ? zone : end, 10);
            } catch (NumberFormatException notMillis) {
                return LogHeader.NO_TIME;
            }
        }
        if (isDecimal(text)) {
            try {
                double number = Double.parseDouble(text);
                return number > 1e17 ? (long) (number / 1e6) : number > 1e14 ? (long) (number / 1e3)
                        : number > 1e11 ? (long) number : (long) (number * 1000);
            } catch (NumberFormatException notNumber) {
                return lineTime(text); // "2024.03.01"
            }
        }
        return lineTime(text);
    }

    /** A time as a text log's header writes it; a time of day alone is none (a record is not placed by its file). */
    private static long lineTime(String text) {
        long time = LINE_HEADERS.parse(text).epochMillis();
        return LogHeader.isDateless(time) ? LogHeader.NO_TIME : time;
    }

    /**
     * Digits, perhaps with a point or an exponent: what an epoch time is written as. A sign only opens the number or
     * its exponent, so a date ({@code 2024-03-01}) is not tried as one (no exception thrown per line).
     */
    private static boolean isDecimal(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            boolean sign = (c == '+' || c == '-') && (i == 0 || text.charAt(i - 1) == 'e' || text.charAt(i - 1) == 'E');
            if (!(c >= '0' && c <= '9' || c == '.' || c == 'e' || c == 'E' || sign)) {
                return false;
            }
        }
        return true;
    }

    /** The text logs' header reader, for their timestamps ({@link #lineTime}) and a journald line's level. */
    private static final HeaderLayout LINE_HEADERS = HeaderLayout.perLine(Year.now(ZoneOffset.UTC).getValue());

    /** The level a line writes in its header, read on its own; unknown when it writes none. */
    private static Severity writtenLevel(String line) {
        return LINE_HEADERS.parse(line).severity();
    }

    static TraceId traceId(String text) {
        try {
            return text == null || text.isEmpty() ? null : TraceId.parse(lastSegment(text));
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    static SpanId spanId(String text) {
        try {
            return text == null || text.isEmpty() ? null : SpanId.parse(text);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    /** Google Cloud writes {@code projects/P/traces/ID}. */
    private static String lastSegment(String text) {
        int slash = text.lastIndexOf('/');
        return slash >= 0 ? text.substring(slash + 1) : text;
    }
}
