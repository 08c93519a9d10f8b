package dev.sloscout.connectors.files;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.luben.zstd.ZstdInputStream;
import com.google.protobuf.InvalidProtocolBufferException;
import dev.sloscout.engine.capsule.LogEvent;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.List;
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
    private long delivered;

    OtlpLogProtoFile(String source, JsonLogRecords records, Consumer<LogEvent> events, LocatedProblems problems) {
        this.source = source;
        this.records = records;
        this.events = events;
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
        long offset = 0;
        byte[] header = new byte[4];
        for (int index = 0; ; index++) {
            int got = in.readNBytes(header, 0, 4);
            if (got == 0) {
                return;
            }
            String location = "frame " + index + " (byte " + offset + ")";
            if (got < 4) {
                problems.report(location, "truncated frame header (" + got + " of 4 bytes)");
                return;
            }
            long length = ((header[0] & 0xFFL) << 24) | ((header[1] & 0xFF) << 16) | ((header[2] & 0xFF) << 8)
                    | (header[3] & 0xFF);
            if (length > RecordLimits.MAX_RECORD_BYTES) {
                problems.report(location, "frame length " + length + " exceeds " + RecordLimits.describe()
                        + "; the framing is corrupt, reading stopped here");
                return;
            }
            byte[] frame = in.readNBytes((int) length);
            if (frame.length < length) {
                problems.report(location, "truncated frame: " + frame.length + " of " + length + " bytes");
                return;
            }
            payload(frame, location);
            offset += 4 + length;
        }
    }

    private void payload(byte[] frame, String location) {
        byte[] payload = frame;
        if (Compression.isZstd(frame, 0)) {
            try (InputStream zstd = new ZstdInputStream(new ByteArrayInputStream(frame))) {
                payload = zstd.readNBytes(RecordLimits.MAX_RECORD_BYTES);
            } catch (IOException e) {
                problems.report(location, "corrupt zstd frame: " + e.getMessage());
                return;
            }
        }
        int start = Texts.skipBomAndWhitespace(payload, 0, payload.length);
        if (start < payload.length && payload[start] == '{') {
            try (JsonParser p = JSON.getFactory().createParser(payload)) {
                p.nextToken();
                p.nextToken();
                delivered += new OtlpJsonLogStream(records, events::accept).request(p, source, 1);
            } catch (IOException e) {
                problems.report(location, "not valid OTLP/JSON: " + LogFileReader.jsonError(e));
            }
            return;
        }
        request(payload, location);
    }

    private void request(byte[] request, String location) {
        try {
            List<LogEvent> read = OtlpLogProtoDecoder.decode(source, request);
            read.forEach(events);
            delivered += read.size();
        } catch (InvalidProtocolBufferException e) {
            problems.report(location, "not a valid OTLP protobuf logs request: " + e.getMessage());
        }
    }
}
