package dev.sloscout.connectors.files;

import com.github.luben.zstd.ZstdInputStream;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.function.BiConsumer;
import java.util.function.BooleanSupplier;

/**
 * The OpenTelemetry Collector's file exporter framing, for traces and logs alike: each request behind a 4-byte
 * big-endian length, its payload protobuf or JSON, zstd'd per request with {@code compression: zstd}. A length past
 * {@link RecordLimits} or a cut frame ends the reading (nothing after it can be trusted); its reader is told why.
 */
final class ExporterFrames {
    /** What the frames are handed to. */
    interface Reader {
        /** A whole frame, at {@code location} ({@code frame 3 (byte 812)}). */
        void frame(byte[] bytes, String location);

        /** The framing broke here; {@code partial} holds the bytes of a cut frame (may be empty). */
        void broken(String location, String reason, byte[] partial);
    }

    private ExporterFrames() {
    }

    /** Reads frames until the end, a break in the framing, or {@code cancelled}. */
    static void read(InputStream in, BooleanSupplier cancelled, Reader reader) throws IOException {
        long offset = 0;
        byte[] header = new byte[4];
        for (int index = 0; !cancelled.getAsBoolean(); index++) {
            int got = in.readNBytes(header, 0, 4);
            if (got == 0) {
                return;
            }
            String location = "frame " + index + " (byte " + offset + ")";
            if (got < 4) {
                reader.broken(location, "truncated frame header (" + got + " of 4 bytes)", new byte[0]);
                return;
            }
            long length = ((header[0] & 0xFFL) << 24) | ((header[1] & 0xFF) << 16) | ((header[2] & 0xFF) << 8)
                    | (header[3] & 0xFF);
            if (length > RecordLimits.MAX_RECORD_BYTES) {
                reader.broken(location, "frame length " + length + " exceeds " + RecordLimits.describe()
                        + "; the framing is corrupt, reading stopped here", new byte[0]);
                return;
            }
            byte[] frame = in.readNBytes((int) length);
            if (frame.length < length) {
                reader.broken(location, "truncated frame: " + frame.length + " of " + length + " bytes", frame);
                return;
            }
            reader.frame(frame, location);
            offset += 4 + length;
        }
    }

    /**
     * A frame's payload: a zstd'd one decompressed, any other as it is; null, with {@code problem} told the location
     * and why, when the zstd frame is corrupt.
     */
    static byte[] payload(byte[] frame, String location, BiConsumer<String, String> problem) {
        if (!Compression.isZstd(frame, 0)) {
            return frame;
        }
        try (InputStream zstd = new ZstdInputStream(new ByteArrayInputStream(frame))) {
            return zstd.readAllBytes();
        } catch (IOException e) {
            problem.accept(location, "corrupt zstd frame: " + e.getMessage());
            return null;
        }
    }

    /** True when a payload is a JSON request rather than protobuf. */
    static boolean isJson(byte[] payload) {
        int start = Texts.skipBomAndWhitespace(payload, 0, payload.length);
        return start < payload.length && payload[start] == '{';
    }
}
