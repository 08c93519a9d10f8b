package dev.sloscout.connectors.files;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.google.protobuf.InvalidProtocolBufferException;
import dev.sloscout.engine.capsule.LogEvent;

import java.io.IOException;
import java.io.InputStream;
import java.util.function.Consumer;

/**
 * An OTLP logs file in protobuf: one bare ExportLogsServiceRequest, or the Collector's file exporter with
 * {@code format: proto} (each request behind a 4-byte big-endian length, zstd'd per request with
 * {@code compression: zstd}; a JSON request in a frame is read too). A corrupt request is one problem and the next is
 * read; a length past {@link RecordLimits} or a cut frame ends the reading, what came before kept.
 */
final class OtlpLogProtoFile {
    /** A mapper, not a bare factory: the record reader builds trees. */
    private static final ObjectMapper JSON = new ObjectMapper();
    private final String source;
    private final Consumer<LogEvent> events;
    private final LocatedProblems problems;
    private final JsonLogRecords records;
    private final OtlpJsonLogStream.BareLines bareLines;
    private long delivered;

    /**
     * Records go to {@code events}; those that are bare lines of a file ({@link JsonLogRecords#bareLine}, as the
     * Collector's {@code filelog} receiver sends a file's lines) to {@code bareLines} to be folded.
     */
    OtlpLogProtoFile(String source, JsonLogRecords records, Consumer<LogEvent> events,
            OtlpJsonLogStream.BareLines bareLines, LocatedProblems problems) {
        this.source = source;
        this.records = records;
        this.events = events;
        this.bareLines = bareLines;
        this.problems = problems;
    }

    /** Reads the whole file; returns the events delivered. */
    long read(InputStream in, boolean framed) throws IOException {
        if (framed) {
            frames(in);
        } else {
            byte[] request = in.readNBytes(RecordLimits.MAX_RECORD_BYTES + 1);
            if (request.length > RecordLimits.MAX_RECORD_BYTES) {
                problems.report("", "an OTLP protobuf request larger than " + RecordLimits.describe() + ": not read");
            } else {
                request(request, "");
            }
        }
        return delivered;
    }

    private void frames(InputStream in) throws IOException {
        ExporterFrames.read(in, () -> false, new ExporterFrames.Reader() {
            @Override
            public void frame(byte[] bytes, String location) {
                payload(bytes, location);
            }

            @Override
            public void broken(String location, String reason, byte[] partial) {
                problems.report(location, reason);
            }
        });
    }

    private void payload(byte[] frame, String location) {
        byte[] payload = ExporterFrames.payload(frame, location, problems::report);
        if (payload == null) {
            return;
        }
        if (ExporterFrames.isJson(payload)) {
            try (JsonParser p = JSON.getFactory().createParser(payload)) {
                p.nextToken();
                p.nextToken();
                delivered += new OtlpJsonLogStream(records, events::accept, bareLines).request(p, source, 1);
            } catch (IOException e) {
                problems.report(location, "not valid OTLP/JSON: " + LogFileReader.jsonError(e));
            }
            return;
        }
        request(payload, location);
    }

    private void request(byte[] request, String location) {
        try {
            delivered += OtlpLogProtoDecoder.decode(source, request, events, bareLines);
        } catch (InvalidProtocolBufferException e) {
            problems.report(location, "not a valid OTLP protobuf logs request: " + e.getMessage());
        }
    }
}
