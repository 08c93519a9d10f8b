package dev.sloscout.engine.capsule;

import java.util.Arrays;

/**
 * A reusable list of message tokens: text (placeholders are the interned {@link Placeholder} constants, quoted
 * strings {@code <STR>}) and whether whitespace preceded each.
 */
public final class Tokens {
    private String[] text = new String[32];
    private boolean[] spaceBefore = new boolean[32];
    private boolean[] quoted = new boolean[32];
    private int size;
    /** {@link #key()} once built; any change forgets it. */
    private String key;

    void clear() {
        key = null;
        size = 0;
    }

    void add(String token, boolean space) {
        add(token, space, false);
    }

    void add(String token, boolean space, boolean inQuotes) {
        key = null;
        if (size == text.length) {
            text = Arrays.copyOf(text, size * 2);
            spaceBefore = Arrays.copyOf(spaceBefore, size * 2);
            quoted = Arrays.copyOf(quoted, size * 2);
        }
        text[size] = token;
        spaceBefore[size] = space;
        quoted[size] = inQuotes;
        size++;
    }

    /** Marks the tokens from {@code from} to the end as inside quotes. */
    void markQuoted(int from) {
        key = null;
        Arrays.fill(quoted, from, size, true);
    }

    void replace(int i, String token) {
        key = null;
        text[i] = token;
    }

    void remove(int i) {
        key = null;
        System.arraycopy(text, i + 1, text, i, size - i - 1);
        System.arraycopy(spaceBefore, i + 1, spaceBefore, i, size - i - 1);
        System.arraycopy(quoted, i + 1, quoted, i, size - i - 1);
        size--;
    }

    boolean spaceBefore(int i) {
        return spaceBefore[i];
    }

    /** True when the token stands between quotes (a quoted value). */
    public boolean isQuoted(int i) {
        return quoted[i];
    }

    public int size() {
        return size;
    }

    public String get(int i) {
        return text[i];
    }

    /** A copy of the token texts. */
    public String[] toArray() {
        return Arrays.copyOf(text, size);
    }

    /** A copy of the spacing, so a template renders the way its messages were written. */
    public boolean[] spacing() {
        return Arrays.copyOf(spaceBefore, size);
    }

    /** One string that identifies the token sequence (the spacing is not part of it). */
    public String key() {
        if (key == null) {
            int length = size;
            for (int i = 0; i < size; i++) {
                length += text[i].length();
            }
            StringBuilder b = new StringBuilder(length); // the exact length: growing it was a twentieth of mining
            for (int i = 0; i < size; i++) {
                b.append(text[i]).append('\u0001');
            }
            key = b.toString();
        }
        return key;
    }
}
