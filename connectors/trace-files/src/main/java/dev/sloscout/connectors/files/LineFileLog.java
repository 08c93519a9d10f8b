package dev.sloscout.connectors.files;

import dev.sloscout.engine.capsule.LogEvent;

import java.io.IOException;
import java.io.InputStream;
import java.util.function.Consumer;

/**
 * A log format read line by line from a whole file, once the file's head said which (W3C's extended log, the XML of
 * java.util.logging, varnishlog's transactions): each line goes to {@link #line}, what is still open at the end to
 * {@link #end}, and the events read are counted as they are delivered.
 */
abstract class LineFileLog {
    final String source;
    final String service;
    final LocatedProblems problems;
    final int maxLineBytes;
    private final Consumer<LogEvent> events;
    private long delivered;

    /** @param maxLineBytes the longest line read; a longer one is reported and skipped */
    LineFileLog(String source, String service, Consumer<LogEvent> events, LocatedProblems problems,
            int maxLineBytes) {
        this.source = source;
        this.service = service;
        this.events = events;
        this.problems = problems;
        this.maxLineBytes = maxLineBytes;
    }

    /** Reads the whole file; returns the events delivered. */
    final long read(InputStream in) throws IOException {
        LineReader.eachLine(in, maxLineBytes, problems, this::line);
        end();
        return delivered;
    }

    /** One line of the file, numbered from 1. */
    abstract void line(long number, String line);

    /** The file has ended: what is still being read is delivered. */
    void end() {
    }

    final void deliver(LogEvent event) {
        events.accept(event);
        delivered++;
    }
}
