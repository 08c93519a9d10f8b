package dev.sloscout.connectors.files;

import com.github.luben.zstd.Zstd;
import com.google.protobuf.CodedInputStream;
import com.google.protobuf.WireFormat;

import java.io.IOException;

/**
 * Which OTLP signal a protobuf file holds. Traces, logs and metrics requests are the same shape on the wire down to
 * their items (field 1: resource_X; in it field 2: scope_X; in that field 2: the items), so the first item decides:
 * a Span opens with its 16-byte trace id (field 1, bytes) then its 8-byte span id (field 2); a LogRecord never opens
 * with field 1 as bytes (its field 1 is the fixed64 time). Read from the first bytes of a bare request or of the
 * first frame of the Collector's file exporter (4-byte length, then protobuf, zstd'd or not).
 */
final class OtlpProtoSignal {
    enum Signal { TRACES, LOGS, UNKNOWN }

    /** A Span's first two tags: its trace id and its span id, both bytes. */
    private static final int SPAN_TRACE_ID = tag(1);
    private static final int SPAN_SPAN_ID = tag(2);

    private OtlpProtoSignal() {
    }

    /** The signal of a bare or framed OTLP protobuf file from its first bytes; UNKNOWN when they do not tell. */
    static Signal ofFile(byte[] head) {
        if (head.length > 5 && head[0] == 0) { // framed: a big-endian length, then the message
            long length = ((head[0] & 0xFFL) << 24) | ((head[1] & 0xFF) << 16) | ((head[2] & 0xFF) << 8)
                    | (head[3] & 0xFF);
            int available = (int) Math.min(length, head.length - 4);
            byte[] frame = java.util.Arrays.copyOfRange(head, 4, 4 + available);
            if (Compression.isZstd(frame, 0)) {
                if (available < length) {
                    return Signal.UNKNOWN;
                }
                try {
                    long size = Zstd.getFrameContentSize(frame);
                    frame = Zstd.decompress(frame, (int) Math.min(size > 0 ? size : 1 << 20, 1 << 24));
                } catch (RuntimeException e) {
                    return Signal.UNKNOWN;
                }
            }
            return of(frame);
        }
        return of(head);
    }

    /** The signal of an Export*ServiceRequest (or its start: a cut message says what it can). */
    static Signal of(byte[] message) {
        CodedInputStream in = CodedInputStream.newInstance(message);
        try {
            if (!enter(in, 1) || !enter(in, 2) || !enter(in, 2)) { // resource_X, scope_X, the first item
                return Signal.UNKNOWN;
            }
            int tag = in.readTag();
            if (tag == SPAN_TRACE_ID) { // bytes of field 1: a Span's 16-byte trace id, then its 8-byte span id
                if (in.readRawVarint32() != 16) {
                    return Signal.UNKNOWN; // a Metric's name, or something else
                }
                in.skipRawBytes(16);
                return in.readTag() == SPAN_SPAN_ID && in.readRawVarint32() == 8 ? Signal.TRACES : Signal.UNKNOWN;
            }
            int field = WireFormat.getTagFieldNumber(tag);
            return field >= 1 && field <= 12 ? Signal.LOGS : Signal.UNKNOWN; // a LogRecord's fields
        } catch (IOException e) {
            return Signal.UNKNOWN; // cut or not protobuf
        }
    }

    /**
     * Moves into the first length-delimited field numbered {@code number} (its length read, its content next),
     * passing the fields before it; false when there is none in what is left.
     */
    private static boolean enter(CodedInputStream in, int number) throws IOException {
        int wanted = tag(number);
        for (int tag = in.readTag(); tag != 0; tag = in.readTag()) {
            if (tag == wanted) {
                in.readRawVarint32();
                return true;
            }
            if (!in.skipField(tag)) {
                return false;
            }
        }
        return false;
    }

    /** The tag of length-delimited field {@code number}. */
    private static int tag(int number) {
        return number << 3 | WireFormat.WIRETYPE_LENGTH_DELIMITED;
    }
}
