package dev.sloscout.connectors.files;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.Charset;
import java.nio.charset.CharsetEncoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * How a log file's bytes become text, as real files come: UTF-8 (most), UTF-16 (what PowerShell's {@code >} and many
 * Windows services write, with or without a byte order mark), single lines in a legacy 8-bit code page (older Java
 * and Windows applications: {@code Jos\xe9}), or not text at all (a core dump, an archive in a format not read).
 */
final class LogEncoding {
    /** Bytes looked at to tell the encoding, or binary from text. */
    static final int SNIFFED_BYTES = 8 * 1024;
    /** Western European text as Windows writes it: ISO-8859-1 with printable characters in 0x80-0x9F. */
    static final Charset LEGACY = Charset.forName("windows-1252");

    /** Archives given as files are opened ({@link Inputs}); these are not. */
    private static final String NOT_OPENED = " (an archive inside an archive, or on standard input, is not opened: "
            + "extract it, or give it as a file of its own)";

    /** What {@link #describeBinary} says of bytes that are no archive or executable it knows. */
    static final String NOT_TEXT = "binary data, not text";

    enum Kind { TEXT, UTF_16_MARKED, UTF_16LE, UTF_16BE, BINARY }

    private LogEncoding() {
    }

    /**
     * What the first bytes of a file say: an archive or executable (binary), a UTF-16 byte order mark, or mostly ASCII
     * text with a zero byte beside every character (UTF-16 without a mark); else text unless
     * {@link InputKinds#looksLikeText} says it is not.
     */
    static Kind sniff(byte[] head) {
        int length = head.length;
        if (length >= 2 && (((head[0] & 0xFF) == 0xFF && (head[1] & 0xFF) == 0xFE)
                || ((head[0] & 0xFF) == 0xFE && (head[1] & 0xFF) == 0xFF))) {
            return Kind.UTF_16_MARKED;
        }
        if (!describeBinary(head).equals(NOT_TEXT)) {
            return Kind.BINARY; // an archive or executable, however much of it looks like text
        }
        int zerosAtEven = 0;
        int zerosAtOdd = 0;
        for (int i = 0; i < length; i++) {
            if (head[i] == 0) {
                if ((i & 1) == 0) {
                    zerosAtEven++;
                } else {
                    zerosAtOdd++;
                }
            }
        }
        int pairs = length / 2;
        if (pairs >= 8 && zerosAtOdd > pairs * 0.4 && zerosAtEven < pairs * 0.05) {
            return Kind.UTF_16LE;
        }
        if (pairs >= 8 && zerosAtEven > pairs * 0.4 && zerosAtOdd < pairs * 0.05) {
            return Kind.UTF_16BE;
        }
        return InputKinds.looksLikeText(head) ? Kind.TEXT : Kind.BINARY;
    }

    /** What a binary file is, by its magic number, for the problem that says it was skipped. */
    static String describeBinary(byte[] head) {
        int length = head.length;
        if (length >= 4 && head[0] == 'P' && head[1] == 'K' && head[2] == 3 && head[3] == 4) {
            return "a zip archive" + NOT_OPENED;
        }
        if (TarEntries.looksLikeTar(head)) {
            return "a tar archive" + NOT_OPENED;
        }
        if (length >= 8 && new String(head, 0, 8, StandardCharsets.ISO_8859_1).equals("LPKSHHRH")) {
            return "a systemd journal file, journald's own binary store (journalctl --file FILE -o export, or -o json, "
                    + "writes it in a form that is read)";
        }
        if (length >= 4 && (head[0] & 0xFF) == 0x7F && head[1] == 'E' && head[2] == 'L' && head[3] == 'F') {
            return "an executable or core dump (ELF)";
        }
        return NOT_TEXT;
    }

    /** The file's text as UTF-8, whatever UTF-16 it is in (a byte order mark is read and dropped). */
    static InputStream utf8(InputStream in, Kind kind) {
        Charset from = switch (kind) {
            case UTF_16_MARKED -> StandardCharsets.UTF_16;
            case UTF_16BE -> StandardCharsets.UTF_16BE;
            case UTF_16LE -> StandardCharsets.UTF_16LE;
            default -> throw new IllegalArgumentException("not UTF-16: " + kind);
        };
        return new Transcoding(new InputStreamReader(in, from));
    }

    /**
     * One line's text: UTF-8 when its bytes are UTF-8, else the legacy code page, so that {@code Jos\xe9} reads
     * {@code José}, not {@code Jos\uFFFD}. Decided per line: files that changed encoding midway are common.
     */
    static String decodeLine(byte[] bytes, int start, int length) {
        String text = new String(bytes, start, length, StandardCharsets.UTF_8);
        if (text.indexOf('\uFFFD') < 0 || isUtf8(bytes, start, length)) { // no search at all in an 8-bit string
            return text;
        }
        return new String(bytes, start, length, LEGACY);
    }

    private static boolean isUtf8(byte[] bytes, int start, int length) {
        try {
            StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes, start, length));
            return true;
        } catch (java.nio.charset.CharacterCodingException e) {
            return false;
        }
    }

    /** Characters read from a reader, handed on as UTF-8 bytes; a pair of surrogates split across reads is kept whole. */
    private static final class Transcoding extends InputStream {
        private final Reader reader;
        private final CharsetEncoder encoder = StandardCharsets.UTF_8.newEncoder()
                .onMalformedInput(CodingErrorAction.REPLACE).onUnmappableCharacter(CodingErrorAction.REPLACE);
        private final CharBuffer chars = CharBuffer.allocate(8192);
        private final ByteBuffer bytes = ByteBuffer.allocate(8192 * 3 + 16);
        private boolean ended;

        Transcoding(Reader reader) {
            this.reader = reader;
            bytes.flip(); // empty, ready to be read
        }

        @Override
        public int read() throws IOException {
            byte[] one = new byte[1];
            return read(one, 0, 1) < 0 ? -1 : one[0] & 0xFF;
        }

        @Override
        public int read(byte[] into, int offset, int length) throws IOException {
            if (length == 0) {
                return 0;
            }
            while (!bytes.hasRemaining()) {
                if (ended) {
                    return -1;
                }
                fill();
            }
            int n = Math.min(length, bytes.remaining());
            bytes.get(into, offset, n);
            return n;
        }

        private void fill() throws IOException {
            int read = reader.read(chars);
            if (read < 0) {
                ended = true;
            }
            chars.flip();
            bytes.clear();
            encoder.encode(chars, bytes, ended);
            if (ended) {
                encoder.flush(bytes);
            }
            chars.compact(); // what the encoder left (a surrogate pair cut by the read) comes first next time
            bytes.flip();
        }

        @Override
        public void close() throws IOException {
            reader.close();
        }
    }
}
