package dev.sloscout.engine.redact;

import dev.sloscout.engine.model.Attributes;
import dev.sloscout.engine.model.ExceptionEvent;
import dev.sloscout.engine.model.Resource;
import dev.sloscout.engine.model.Span;
import dev.sloscout.engine.model.Status;
import dev.sloscout.engine.trace.SpanSink;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Redacts spans on their way into the engine: names, status messages, exception texts and string attributes
 * ({@code url.path} and the like); lone surrogates in those and in the service name become U+FFFD. Span names repeat, so redactions are remembered (a bounded cache) and counted on
 * every span they apply to, under the source being read ({@link #source(String)}). Not thread-safe: one per reading
 * thread, like the assembler it feeds.
 */
public final class SpanRedactor implements SpanSink {
    private static final int CACHED = 50_000;
    private static final String[] NONE = new String[0];

    private record Redacted(String text, String[] kinds) {
    }

    private final Redactor redactor;
    private final SpanSink next;
    private final Map<String, Redacted> cache = new HashMap<>();
    private String source = "spans";

    public SpanRedactor(Redactor redactor, SpanSink next) {
        this.redactor = redactor;
        this.next = next;
    }

    /** Where the following spans come from, for the counts. */
    public void source(String source) {
        this.source = source;
    }

    @Override
    public void accept(Span span) {
        String name = redact(span.name());
        Status status = span.status();
        String message = redact(status.message());
        Attributes attributes = redact(span.attributes());
        List<ExceptionEvent> exceptions = span.exceptions();
        List<ExceptionEvent> redactedExceptions = exceptions;
        for (int i = 0; i < exceptions.size(); i++) {
            ExceptionEvent e = exceptions.get(i);
            String type = redact(e.type());
            String text = redact(e.message());
            if (type != e.type() || text != e.message()) {
                redactedExceptions = redactedExceptions == exceptions ? new ArrayList<>(exceptions) : redactedExceptions;
                redactedExceptions.set(i, new ExceptionEvent(e.epochNanos(), type, text));
            }
        }
        Resource resource = span.resource();
        String service = Redactor.wellFormed(resource.serviceName());
        if (service != resource.serviceName()) {
            resource = new Resource(service, Redactor.wellFormed(resource.serviceNamespace()),
                    Redactor.wellFormed(resource.serviceInstanceId()), Redactor.wellFormed(resource.serviceVersion()));
        }
        if (name == span.name() && message == status.message() && attributes == span.attributes()
                && redactedExceptions == exceptions && resource == span.resource()) {
            next.accept(span);
            return;
        }
        next.accept(new Span(span.traceId(), span.spanId(), span.parentSpanId(), resource, name, span.kind(),
                span.startEpochNanos(), span.endEpochNanos(),
                message == status.message() ? status : new Status(status.code(), message), attributes,
                redactedExceptions, span.shared()));
    }

    /** The text redacted; the same instance when nothing was found. */
    private String redact(String text) {
        if (text == null || text.isEmpty()) {
            return text;
        }
        Redacted known = cache.get(text);
        if (known == null) {
            List<String> kinds = new ArrayList<>(0);
            String redacted = redactor.redact(text, kinds::add);
            known = new Redacted(redacted.equals(text) ? text : redacted, kinds.isEmpty() ? NONE
                    : kinds.toArray(NONE));
            if (cache.size() >= CACHED) {
                cache.clear();
            }
            cache.put(text, known);
        }
        for (String kind : known.kinds) {
            redactor.count(source, kind);
        }
        return known.text == text || known.text.equals(text) ? text : known.text;
    }

    private Attributes redact(Attributes attributes) {
        return attributes.isEmpty() ? attributes : attributes.mapStrings(this::redact);
    }
}
