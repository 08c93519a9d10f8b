package dev.sloscout.connectors.files;

import java.io.IOException;

/** Package-private pieces exposed to the benchmark harness. */
public final class BenchAccess {
    private BenchAccess() {
    }

    /** Tokenizes every JSON line with {@link ByteOtlpTokens}, no OTLP semantics; returns the token count. */
    public static long byteScan(byte[] input) throws IOException {
        ByteOtlpTokens tokens = new ByteOtlpTokens(new StringCache(16));
        long count = 0;
        int start = 0;
        for (int i = 0; i < input.length; i++) {
            if (input[i] == '\n') {
                tokens.reset(input, start, i - start);
                while (tokens.nextToken() != null) {
                    count++;
                }
                start = i + 1;
            }
        }
        return count;
    }
}
