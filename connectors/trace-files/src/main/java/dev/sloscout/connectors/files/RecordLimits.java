package dev.sloscout.connectors.files;

/**
 * How large one record (a JSON line, a protobuf frame) may be before it is taken for corruption: 256 MiB, or a
 * quarter of the heap when that is less, so a broken or hostile file is reported instead of exhausting memory.
 */
final class RecordLimits {
    static final int MAX_RECORD_BYTES = (int) Math.min(256L << 20, Runtime.getRuntime().maxMemory() / 4);

    private RecordLimits() {
    }

    static String describe() {
        return MAX_RECORD_BYTES >= 1 << 20 ? (MAX_RECORD_BYTES >> 20) + " MiB" : MAX_RECORD_BYTES + " bytes";
    }
}
