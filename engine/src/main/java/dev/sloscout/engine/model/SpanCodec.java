package dev.sloscout.engine.model;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A span as bytes and back, everything the model keeps (ids, service identity, kind, times, status, kept attributes,
 * exception events, Zipkin's shared flag): how spans travel between the stages of a distributed analysis and rest in
 * its state stores. Compact and versioned; not a wire format for other tools (OTLP is).
 */
public final class SpanCodec {
    private static final byte VERSION = 1;
    private static final byte STRING = 's';
    private static final byte LONG = 'l';

    private SpanCodec() {
    }

    public static byte[] encode(Span span) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(128 + 16 * span.attributes().size());
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            out.writeByte(VERSION);
            out.writeLong(span.traceId().high());
            out.writeLong(span.traceId().low());
            out.writeLong(span.spanId().value());
            out.writeBoolean(span.parentSpanId() != null);
            if (span.parentSpanId() != null) {
                out.writeLong(span.parentSpanId().value());
            }
            Resource resource = span.resource();
            DataStrings.write(out, resource.serviceName());
            DataStrings.write(out, resource.serviceNamespace());
            DataStrings.write(out, resource.serviceInstanceId());
            DataStrings.write(out, resource.serviceVersion());
            DataStrings.write(out, span.name());
            out.writeByte(span.kind().ordinal());
            out.writeLong(span.startEpochNanos());
            out.writeLong(span.endEpochNanos());
            out.writeByte(span.status().code().ordinal());
            DataStrings.write(out, span.status().message());
            Map<String, Object> attributes = span.attributes().asMap();
            out.writeShort(attributes.size());
            for (Map.Entry<String, Object> attribute : attributes.entrySet()) {
                DataStrings.write(out, attribute.getKey());
                if (attribute.getValue() instanceof Long number) {
                    out.writeByte(LONG);
                    out.writeLong(number);
                } else {
                    out.writeByte(STRING);
                    DataStrings.write(out, attribute.getValue().toString());
                }
            }
            out.writeInt(span.exceptions().size());
            for (ExceptionEvent exception : span.exceptions()) {
                out.writeLong(exception.epochNanos());
                DataStrings.write(out, exception.type());
                DataStrings.write(out, exception.message());
            }
            out.writeBoolean(span.shared());
        } catch (IOException e) {
            throw new UncheckedIOException(e); // a byte array does not fail
        }
        return bytes.toByteArray();
    }

    /**
     * The span these bytes describe.
     *
     * @throws IllegalArgumentException when they are not an encoded span (truncated, another version, invalid span)
     */
    public static Span decode(byte[] bytes) {
        try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(bytes))) {
            byte version = in.readByte();
            if (version != VERSION) {
                throw new IllegalArgumentException("not an encoded span (version " + version + ")");
            }
            TraceId traceId = new TraceId(in.readLong(), in.readLong());
            SpanId spanId = new SpanId(in.readLong());
            SpanId parent = in.readBoolean() ? new SpanId(in.readLong()) : null;
            Resource resource = new Resource(DataStrings.read(in), DataStrings.read(in), DataStrings.read(in), DataStrings.read(in));
            String name = DataStrings.read(in);
            SpanKind kind = SpanKind.values()[in.readUnsignedByte()];
            long start = in.readLong();
            long end = in.readLong();
            Status status = new Status(StatusCode.values()[in.readUnsignedByte()], DataStrings.read(in));
            Attributes.Builder attributes = Attributes.builder();
            int count = in.readUnsignedShort();
            for (int i = 0; i < count; i++) {
                String key = DataStrings.read(in);
                byte type = in.readByte();
                Object value = switch (type) {
                    case LONG -> in.readLong();
                    case STRING -> DataStrings.read(in);
                    default -> throw new IllegalArgumentException("unknown attribute type " + type);
                };
                attributes.putWire(key, value);
            }
            int exceptionCount = in.readInt();
            if (exceptionCount < 0 || exceptionCount > bytes.length) {
                throw new IllegalArgumentException("exception count " + exceptionCount + " out of range");
            }
            List<ExceptionEvent> exceptions = new ArrayList<>(exceptionCount);
            for (int i = 0; i < exceptionCount; i++) {
                exceptions.add(new ExceptionEvent(in.readLong(), DataStrings.read(in), DataStrings.read(in)));
            }
            boolean shared = in.readBoolean();
            return new Span(traceId, spanId, parent, resource, name, kind, start, end, status, attributes.build(),
                    exceptions, shared);
        } catch (IOException e) {
            throw new IllegalArgumentException("truncated span: " + e.getMessage(), e);
        } catch (ArrayIndexOutOfBoundsException e) {
            throw new IllegalArgumentException("not an encoded span: " + e.getMessage(), e);
        }
    }
}
