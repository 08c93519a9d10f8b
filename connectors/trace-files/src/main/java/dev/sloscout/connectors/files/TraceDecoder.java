package dev.sloscout.connectors.files;

import java.io.BufferedInputStream;
import java.io.IOException;

/**
 * Reads one trace format from a decompressed stream. Bad records are reported through the context and skipped;
 * an {@link IOException} means the stream itself failed.
 */
public interface TraceDecoder {
    TraceFormat format();

    void decode(BufferedInputStream in, DecodeContext context) throws IOException;
}
