package dev.sloscout.connectors.files;

import java.nio.charset.StandardCharsets;

/**
 * The prefix {@code kubectl logs --prefix} puts before each line ({@code [pod/checkout-7d9f8b6c5d-x2x9z/checkout] }),
 * as a dump of several pods' logs keeps them: the line the container wrote follows it, and its container names the
 * line's service (one file holds the lines of many pods and containers).
 */
final class KubectlPrefix {
    private static final byte[] OPEN = "[pod/".getBytes(StandardCharsets.US_ASCII);
    /** Pod names are at most 253 characters, container names 63. */
    private static final int MAX_PREFIX = 330;

    private KubectlPrefix() {
    }

    /** Where the container's line starts when {@code bytes[from, end)} opens with the prefix, else -1. */
    static int contentStart(byte[] bytes, int from, int end) {
        if (end - from < OPEN.length + 4 || bytes[from] != '[' || bytes[from + 1] != 'p') {
            return -1; // nearly every line
        }
        for (int k = 0; k < OPEN.length; k++) {
            if (bytes[from + k] != OPEN[k]) {
                return -1;
            }
        }
        int slash = -1;
        for (int i = from + OPEN.length; i < end && i < from + MAX_PREFIX; i++) {
            byte b = bytes[i];
            if (b == '/') {
                if (slash >= 0) {
                    return -1; // a pod and a container, no more
                }
                slash = i;
            } else if (b == ']') {
                boolean named = slash > from + OPEN.length && i > slash + 1;
                return !named ? -1 : i + 1 == end ? end : bytes[i + 1] == ' ' ? i + 2 : -1;
            } else if (b == ' ' || b == '[') {
                return -1;
            }
        }
        return -1;
    }

    /**
     * The pod and container a line's prefix names ({@code checkout-7d9f8b6c5d-x2x9z/checkout}), when the container's
     * line starts at {@code contentStart}; else null. Two pods' containers of one name are two streams of lines.
     */
    static String stream(byte[] bytes, int from, int contentStart) {
        if (contentStart <= from || bytes[from] != '[') {
            return null;
        }
        int close = bytes[contentStart - 1] == ']' ? contentStart - 1 : contentStart - 2;
        int podStart = from + OPEN.length;
        return new String(bytes, podStart, close - podStart, StandardCharsets.UTF_8);
    }

    /** The container a line's prefix names, when the container's line starts at {@code contentStart}; else null. */
    static String container(byte[] bytes, int from, int contentStart) {
        String stream = stream(bytes, from, contentStart);
        return stream == null ? null : containerOf(stream);
    }

    /** The container of a {@link #stream}: what follows the pod's name (which has no {@code /}). */
    static String containerOf(String stream) {
        return stream.substring(stream.indexOf('/') + 1);
    }
}
