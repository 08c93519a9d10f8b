package dev.sloscout.app.cli;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;

/**
 * The CLI's stderr with every character that could drive the terminal shown as {@code ?}. Problem lines quote file
 * names, field values and server answers, all supplied by whoever wrote the input; an ESC among them could recolour,
 * hide or rewrite what the SRE reads, set the window title, or ask the terminal to write the clipboard (OSC 52).
 *
 * <p>Hidden: C0 controls except tab, line feed and carriage return (the progress line rewrites itself with CR), DEL,
 * the C1 controls U+0080-U+009F (some terminals take U+009B as CSI), and the bidirectional embeddings, overrides and
 * isolates (U+202A-U+202E, U+2066-U+2069) that make text read in another order than it is. Text printed as characters
 * is cleaned before it reaches the wrapped stream, so that stream's own charset still applies; bytes written directly
 * (picocli's writer, in UTF-8) are cleaned as UTF-8, a hidden character's whole sequence becoming one {@code ?}.
 */
public final class TerminalSafeStream extends PrintStream {
    private final PrintStream target;
    /** Bytes of a UTF-8 sequence that may still turn out hidden (it starts with 0xC2 or 0xE2), at most two. */
    private final byte[] pending = new byte[2];
    private int pendingLength;

    public TerminalSafeStream(PrintStream target) {
        super(target, true);
        this.target = target;
    }

    /** Whether a code point is one the terminal would act on rather than show. */
    static boolean hidden(int codePoint) {
        return (codePoint < 0x20 && codePoint != '\t' && codePoint != '\n' && codePoint != '\r')
                || (codePoint >= 0x7F && codePoint <= 0x9F)
                || (codePoint >= 0x202A && codePoint <= 0x202E)
                || (codePoint >= 0x2066 && codePoint <= 0x2069);
    }

    /** {@code text} with each hidden code point replaced by {@code ?}; the same instance when there is none. */
    static String clean(String text) {
        int i = 0;
        while (i < text.length() && !hidden(text.charAt(i))) {
            i++;
        }
        if (i == text.length()) {
            return text;
        }
        StringBuilder b = new StringBuilder(text.length()).append(text, 0, i);
        text.codePoints().skip(text.codePointCount(0, i))
                .forEach(c -> b.appendCodePoint(hidden(c) ? '?' : c));
        return b.toString();
    }

    @Override
    public void print(String s) {
        target.print(clean(String.valueOf(s)));
    }

    @Override
    public void print(Object o) {
        print(String.valueOf(o));
    }

    @Override
    public void print(char[] s) {
        print(new String(s));
    }

    @Override
    public void print(char c) {
        print(String.valueOf(c));
    }

    @Override
    public void println(String s) {
        target.println(clean(String.valueOf(s)));
    }

    @Override
    public void println(Object o) {
        println(String.valueOf(o));
    }

    @Override
    public void println(char[] s) {
        println(new String(s));
    }

    @Override
    public void println() {
        target.println();
    }

    @Override
    public synchronized void write(int b) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(4);
        accept(b & 0xFF, out);
        byte[] shown = out.toByteArray();
        target.write(shown, 0, shown.length);
    }

    @Override
    public synchronized void write(byte[] bytes, int offset, int length) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(length + 2);
        for (int i = offset; i < offset + length; i++) {
            accept(bytes[i] & 0xFF, out);
        }
        byte[] shown = out.toByteArray();
        target.write(shown, 0, shown.length);
    }

    /** One byte of UTF-8 in; what may be shown of it (and of bytes held back before it) out. */
    private void accept(int b, ByteArrayOutputStream out) {
        if (pendingLength == 1 && pending[0] == (byte) 0xC2) { // U+0080-U+00BF: C1 when the second byte is 80-9F
            pendingLength = 0;
            if (b >= 0x80 && b <= 0x9F) {
                out.write('?');
                return;
            }
            out.write(0xC2);
        } else if (pendingLength == 1) { // after 0xE2: U+2000-U+207F may be a bidi control
            if (b == 0x80 || b == 0x81) {
                pending[pendingLength++] = (byte) b;
                return;
            }
            pendingLength = 0;
            out.write(0xE2);
        } else if (pendingLength == 2) {
            pendingLength = 0;
            int codePoint = 0x2000 | ((pending[1] & 0x3F) << 6) | (b & 0x3F);
            if ((b & 0xC0) == 0x80 && hidden(codePoint)) {
                out.write('?');
                return;
            }
            out.write(pending, 0, 2);
        }
        if (b == 0xC2 || b == 0xE2) {
            pending[pendingLength++] = (byte) b;
        } else {
            out.write(b < 0x80 && hidden(b) ? '?' : b);
        }
    }

    @Override
    public synchronized void flush() {
        if (pendingLength > 0) { // a sequence cut by the writer: let it through as it came
            target.write(pending, 0, pendingLength);
            pendingLength = 0;
        }
        target.flush();
    }

    @Override
    public void close() {
        flush(); // the process's stderr is not ours to close
    }

    @Override
    public boolean checkError() {
        return target.checkError();
    }
}
