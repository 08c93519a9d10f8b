package dev.sloscout.connectors.files;

import com.github.luben.zstd.Zstd;

/**
 * Which OTLP signal a protobuf file holds. Traces, logs and metrics requests are the same shape on the wire down to
 * their items (field 1: resource_X; in it field 2: scope_X; in that field 2: the items), so the first item decides:
 * a Span opens with its 16-byte trace id (field 1, bytes) then its 8-byte span id (field 2); a LogRecord never opens
 * with field 1 as bytes (its field 1 is the fixed64 time). Read from the first bytes of a bare request or of the
 * first frame of the Collector's file exporter (4-byte length, then protobuf, zstd'd or not).
 */
final class OtlpProtoSignal {
    enum Signal { TRACES, LOGS, UNKNOWN }

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

    /** The signal of an Export*ServiceRequest (or its start). */
    static Signal of(byte[] message) {
        Reader request = new Reader(message, 0, message.length);
        Reader resource = request.field(1);
        Reader scope = resource == null ? null : resource.field(2);
        Reader item = scope == null ? null : scope.field(2);
        if (item == null || item.end <= item.at) {
            return Signal.UNKNOWN;
        }
        int tag = item.varint();
        if (tag == 0x0A) { // bytes of field 1: a Span's trace id, 16 bytes, then its span id
            int length = item.varint();
            if (length == 16) {
                item.at += 16;
                return item.varint() == 0x12 && item.varint() == 8 ? Signal.TRACES : Signal.UNKNOWN;
            }
            return Signal.UNKNOWN; // a Metric's name, or something else
        }
        int field = tag >>> 3;
        return field >= 1 && field <= 12 ? Signal.LOGS : Signal.UNKNOWN;
    }

    /** A cursor over the fields of one message within the bytes; a truncated field ends it. */
    private static final class Reader {
        final byte[] bytes;
        int at;
        final int end;

        Reader(byte[] bytes, int at, int end) {
            this.bytes = bytes;
            this.at = at;
            this.end = end;
        }

        /** The first field numbered {@code number} of wire type 2, as a reader over its bytes (cut at the end). */
        Reader field(int number) {
            while (at < end) {
                int tag = varint();
                if (tag < 0) {
                    return null;
                }
                int wire = tag & 7;
                if (wire == 2) {
                    int length = varint();
                    if (length < 0) {
                        return null;
                    }
                    if (tag >>> 3 == number) {
                        return new Reader(bytes, at, (int) Math.min(end, (long) at + length));
                    }
                    at += length;
                } else if (wire == 0) {
                    if (varint() < 0) {
                        return null;
                    }
                } else if (wire == 1) {
                    at += 8;
                } else if (wire == 5) {
                    at += 4;
                } else {
                    return null;
                }
            }
            return null;
        }

        /** A varint of at most 32 bits, or -1 when cut or too long. */
        int varint() {
            int value = 0;
            for (int shift = 0; shift < 35; shift += 7) {
                if (at >= end) {
                    return -1;
                }
                byte b = bytes[at++];
                value |= (b & 0x7F) << shift;
                if (b >= 0) {
                    return value;
                }
            }
            return -1;
        }
    }
}
