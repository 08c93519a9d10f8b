package dev.sloscout.app.journeys;

import dev.sloscout.engine.model.Span;
import dev.sloscout.engine.model.Spans;
import dev.sloscout.engine.model.Trace;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

/**
 * A trace laid out as a waterfall: spans in depth-first order (children by start time), each with its offset from
 * the trace's start and its duration. Orphans (parent not in the trace) start their own branch at depth 0.
 */
public record Waterfall(String traceId, double totalMs, List<Row> rows) {

    public record Row(int depth, String service, String name, double startMs, double durationMs, boolean error) {
    }

    public static Waterfall of(Trace trace) {
        List<Span> spans = trace.spans();
        long start = spans.stream().mapToLong(Span::startEpochNanos).min().orElse(0);
        long end = spans.stream().mapToLong(Span::endEpochNanos).max().orElse(start);
        Map<Span, List<Span>> children = new IdentityHashMap<>();
        List<Span> tops = new ArrayList<>();
        Trace.Index index = new Trace.Index(spans);
        for (Span span : spans) {
            Span parent = index.parentOf(span);
            if (parent == null) {
                tops.add(span);
            } else {
                children.computeIfAbsent(parent, p -> new ArrayList<>()).add(span);
            }
        }
        Comparator<Span> byStart = Comparator.comparingLong(Span::startEpochNanos);
        tops.sort(byStart);
        List<Row> rows = new ArrayList<>(spans.size());
        List<Object[]> stack = new ArrayList<>();
        for (int i = tops.size() - 1; i >= 0; i--) {
            stack.add(new Object[] {tops.get(i), 0});
        }
        while (!stack.isEmpty()) {
            Object[] top = stack.remove(stack.size() - 1);
            Span span = (Span) top[0];
            int depth = (Integer) top[1];
            rows.add(new Row(depth, span.serviceName(), span.name(), (span.startEpochNanos() - start) / 1e6,
                    span.durationNanos() / 1e6, Spans.isError(span)));
            List<Span> kids = new ArrayList<>(children.getOrDefault(span, List.of()));
            kids.sort(byStart);
            for (int i = kids.size() - 1; i >= 0; i--) {
                stack.add(new Object[] {kids.get(i), depth + 1});
            }
        }
        return new Waterfall(trace.traceId().toHex(), (end - start) / 1e6, List.copyOf(rows));
    }
}
