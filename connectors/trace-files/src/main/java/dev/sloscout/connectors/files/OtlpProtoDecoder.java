package dev.sloscout.connectors.files;

import com.google.protobuf.CodedInputStream;
import com.google.protobuf.InvalidProtocolBufferException;
import com.google.protobuf.WireFormat;
import dev.sloscout.engine.parallel.OrderedWork;
import io.opentelemetry.proto.trace.v1.ResourceSpans;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;

/**
 * OTLP protobuf traces: a bare ExportTraceServiceRequest, or the Collector file exporter's framing (a 4-byte
 * big-endian length before each message, each message optionally zstd-compressed on its own, JSON or protobuf).
 *
 * <p>Messages are read one ResourceSpans at a time, so a message cut short still yields the resources before the
 * cut. A corrupt frame is reported and the next frame read; a corrupt length ends the read, since nothing after it
 * can be trusted.
 */
public final class OtlpProtoDecoder implements TraceDecoder {
    private static final int RESOURCE_SPANS_FIELD = 1;

    private final boolean framed;
    private final OtlpJsonDecoder jsonFrames = new OtlpJsonDecoder();

    public OtlpProtoDecoder(boolean framed) {
        this.framed = framed;
    }

    @Override
    public TraceFormat format() {
        return framed ? TraceFormat.OTLP_FRAMED : TraceFormat.OTLP_PROTO;
    }

    @Override
    public void decode(BufferedInputStream in, DecodeContext context) throws IOException {
        if (framed) {
            decodeFrames(in, context);
        } else {
            byte[] message = in.readNBytes(RecordLimits.MAX_RECORD_BYTES);
            if (in.read() >= 0) {
                context.reject("message", "a bare protobuf message larger than " + RecordLimits.describe()
                        + " is not read; use the file exporter's framing for large dumps");
                return;
            }
            decodeMessage(message, 0, message.length, "message", context);
        }
    }

    /** A frame's bytes and where it starts. */
    private record Frame(byte[] bytes, String location) {
    }

    /**
     * Frames are decoded by workers (each with its own JSON decoder for JSON frames) and handed over in file order;
     * a problem with the framing itself is reported after the frames before it.
     */
    private void decodeFrames(InputStream in, DecodeContext context) throws IOException {
        try (OrderedWork<Frame, DecodeContext.Recorded> frames = OrderedWork.start(context.threads(), () -> {
            OtlpProtoDecoder decoder = new OtlpProtoDecoder(true);
            DecodeContext.Recorder recorder = context.recorder();
            return frame -> {
                DecodeContext.Recorded recorded = recorder.next();
                decoder.decodePayload(frame.bytes(), frame.location(), recorded.context());
                return recorded;
            };
        }, recorded -> recorded.replay(context), "otlp-frame-decoder")) {
            try {
                readFrames(in, context, frames);
            } finally {
                frames.finish(); // the frames before a failed read count, as they do on one thread
            }
        }
    }

    private void readFrames(InputStream in, DecodeContext context, OrderedWork<Frame, DecodeContext.Recorded> frames)
            throws IOException {
        ExporterFrames.read(in, context::isCancelled, new ExporterFrames.Reader() {
            @Override
            public void frame(byte[] bytes, String location) {
                frames.submit(new Frame(bytes, location));
            }

            @Override
            public void broken(String location, String reason, byte[] partial) {
                frames.finish(); // the frames before it are reported first
                context.reject(location, reason);
                if (partial.length > 0) {
                    decodePayload(partial, location, context);
                }
            }
        });
    }

    private void decodePayload(byte[] frame, String location, DecodeContext context) {
        byte[] payload = ExporterFrames.payload(frame, location, context::reject);
        if (payload == null) {
            return;
        }
        if (ExporterFrames.isJson(payload)) {
            jsonFrames.decodeRecord(payload, 0, payload.length, location, context);
        } else {
            decodeMessage(payload, 0, payload.length, location, context);
        }
    }

    /** Reads a TracesData/ExportTraceServiceRequest field by field, so the good part of a broken message survives. */
    void decodeMessage(byte[] bytes, int offset, int length, String location, DecodeContext context) {
        CodedInputStream in = CodedInputStream.newInstance(bytes, offset, length);
        int index = 0;
        try {
            while (!in.isAtEnd()) {
                int tag = in.readTag();
                if (WireFormat.getTagFieldNumber(tag) == RESOURCE_SPANS_FIELD
                        && WireFormat.getTagWireType(tag) == WireFormat.WIRETYPE_LENGTH_DELIMITED) {
                    String where = location + ", resourceSpans " + index++;
                    byte[] resourceBytes = in.readRawBytes(in.readRawVarint32());
                    try {
                        OtlpProtoMapper.emit(ResourceSpans.parseFrom(resourceBytes), where, context);
                    } catch (InvalidProtocolBufferException e) {
                        context.reject(where, "corrupt protobuf: " + e.getMessage());
                    }
                } else if (!in.skipField(tag)) {
                    return;
                }
            }
        } catch (InvalidProtocolBufferException e) {
            context.reject(location + " (byte " + (offset + in.getTotalBytesRead()) + ")",
                    "corrupt protobuf, rest of the message skipped: " + e.getMessage());
        } catch (IOException e) {
            context.reject(location, "unreadable: " + e.getMessage());
        }
    }
}
