package dev.sloscout.pipeline.stream;

import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.Arrays;
import org.apache.kafka.streams.processor.PunctuationType;
import org.apache.kafka.streams.processor.Punctuator;
import org.apache.kafka.streams.processor.api.ProcessorContext;

/** What the stages share: tagged values (the topology routes on the tag), their clock, and counts as bytes. */
final class Stages {
    private Stages() {
    }

    /** {@code value} behind a one-byte tag. */
    static byte[] tagged(byte tag, byte[] value) {
        byte[] out = new byte[value.length + 1];
        out[0] = tag;
        System.arraycopy(value, 0, out, 1, value.length);
        return out;
    }

    static byte[] untagged(byte[] value) {
        return Arrays.copyOfRange(value, 1, value.length);
    }

    /** The time of records a punctuation makes: stream time, or the clock's before the task saw a record. */
    static long now(ProcessorContext<?, ?> context) {
        long stream = context.currentStreamTimeMs();
        return stream >= 0 ? stream : context.currentSystemTimeMs();
    }

    /** Runs {@code action} as stream time moves and, for an input gone quiet, as the clock moves. */
    static void every(ProcessorContext<?, ?> context, Duration interval, Punctuator action) {
        context.schedule(interval, PunctuationType.STREAM_TIME, action);
        context.schedule(interval, PunctuationType.WALL_CLOCK_TIME, action);
    }

    /** At most {@code max} characters of {@code text}, said to be cut when they are. */
    static String cut(String text, int max) {
        return text.length() <= max ? text : text.substring(0, max) + " …(cut)";
    }

    static byte[] bytes(long[] values) {
        ByteBuffer out = ByteBuffer.allocate(values.length * Long.BYTES);
        for (long value : values) {
            out.putLong(value);
        }
        return out.array();
    }

    static long[] longs(byte[] bytes) {
        ByteBuffer in = ByteBuffer.wrap(bytes);
        long[] out = new long[bytes.length / Long.BYTES];
        for (int i = 0; i < out.length; i++) {
            out[i] = in.getLong();
        }
        return out;
    }
}
