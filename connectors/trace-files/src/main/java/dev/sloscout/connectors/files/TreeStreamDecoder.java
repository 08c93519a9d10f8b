package dev.sloscout.connectors.files;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.BufferedInputStream;
import java.io.IOException;

/**
 * Base for JSON formats read as one small tree per record while the enclosing document streams: memory follows the
 * largest record, not the file. Subclasses say which containers to descend into and what a record is.
 */
abstract class TreeStreamDecoder implements TraceDecoder {
    protected final ObjectMapper mapper = new ObjectMapper(JsonFactory.builder()
            .streamReadConstraints(StreamReadConstraints.builder().maxNestingDepth(200).build())
            .build());

    @Override
    public final void decode(BufferedInputStream in, DecodeContext context) throws IOException {
        try (JsonParser p = mapper.createParser(in)) {
            int document = 0;
            while (!context.isCancelled() && p.nextToken() != null) {
                readValue(p, "document " + document++, 0, context);
            }
        } catch (JsonProcessingException e) {
            context.reject(JsonValues.where(e),
                    "malformed JSON, reading stopped here: " + JsonValues.message(e));
        }
    }

    /** Called with the parser on a value's first token; must consume the whole value. */
    protected abstract void readValue(JsonParser p, String location, int depth, DecodeContext context) throws IOException;

    /** Reads the current value as a tree and hands it to {@code record}, reporting a bad record without stopping. */
    protected final void readRecord(JsonParser p, String location, DecodeContext context, RecordReader record)
            throws IOException {
        JsonNode node = p.readValueAsTree();
        if (node == null) {
            return;
        }
        try {
            record.read(node, location, context);
        } catch (IllegalArgumentException | NullPointerException e) {
            context.reject(location, e.getMessage());
        }
    }


    @FunctionalInterface
    interface RecordReader {
        void read(JsonNode node, String location, DecodeContext context);
    }
}
