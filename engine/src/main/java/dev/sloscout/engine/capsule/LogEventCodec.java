package dev.sloscout.engine.capsule;

import dev.sloscout.engine.model.DataStrings;
import dev.sloscout.engine.model.SpanId;
import dev.sloscout.engine.model.TraceId;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;

/**
 * A log event as bytes and back, every field: how log events travel between the stages of a distributed analysis
 * and wait in its state stores (a service's events before its header layout is learnt). Versioned; not a wire
 * format for other tools (OTLP is).
 */
public final class LogEventCodec {
    /** 2 writes the thread last; 1 (without it) is still read. */
    private static final byte VERSION = 2;

    private LogEventCodec() {
    }

    public static byte[] encode(LogEvent event) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(64 + event.text().length());
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            out.writeByte(VERSION);
            write(out, event);
            DataStrings.write(out, event.thread());
        } catch (IOException e) {
            throw new UncheckedIOException(e); // a byte array does not fail
        }
        return bytes.toByteArray();
    }

    /**
     * The event these bytes describe.
     *
     * @throws IllegalArgumentException when they are not an encoded event (truncated, another version)
     */
    public static LogEvent decode(byte[] bytes) {
        try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(bytes))) {
            byte version = in.readByte();
            if (version != VERSION && version != 1) {
                throw new IllegalArgumentException("not an encoded log event (version " + version + ")");
            }
            LogEvent event = read(in);
            return version == 1 ? event : event.withThread(DataStrings.read(in));
        } catch (IOException e) {
            throw new IllegalArgumentException("truncated log event: " + e.getMessage(), e);
        }
    }

    /**
     * Every field but the thread, which only the pairing of bound values reads, before the events a service's state
     * keeps waiting ({@link ServiceCapsules}) are stored: they are past it.
     */
    static void write(DataOutputStream out, LogEvent event) throws IOException {
        DataStrings.write(out, event.source());
        out.writeLong(event.line());
        out.writeInt(event.lines());
        DataStrings.write(out, event.service());
        DataStrings.write(out, event.text());
        out.writeBoolean(event.raw());
        DataStrings.write(out, event.continuation());
        out.writeLong(event.epochMillis());
        out.writeByte(event.severity().ordinal());
        out.writeBoolean(event.traceId() != null);
        if (event.traceId() != null) {
            out.writeLong(event.traceId().high());
            out.writeLong(event.traceId().low());
        }
        out.writeBoolean(event.spanId() != null);
        if (event.spanId() != null) {
            out.writeLong(event.spanId().value());
        }
    }

    static LogEvent read(DataInputStream in) throws IOException {
        String source = DataStrings.read(in);
        long line = in.readLong();
        int lines = in.readInt();
        String service = DataStrings.read(in);
        String text = DataStrings.read(in);
        boolean raw = in.readBoolean();
        String continuation = DataStrings.read(in);
        long epochMillis = in.readLong();
        int severity = in.readUnsignedByte();
        if (severity >= Severity.values().length) {
            throw new IOException("severity " + severity + " out of range");
        }
        TraceId traceId = in.readBoolean() ? new TraceId(in.readLong(), in.readLong()) : null;
        SpanId spanId = in.readBoolean() ? new SpanId(in.readLong()) : null;
        return new LogEvent(source, line, lines, service, text, raw, continuation, epochMillis,
                Severity.values()[severity], traceId, spanId);
    }
}
