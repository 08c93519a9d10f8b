package dev.sloscout.connectors.files;

/**
 * Terminal escape sequences taken out of log text: the colours of a logger that thinks it writes to a terminal
 * (Spring Boot's {@code ansi.enabled}, zap's and pino-pretty's consoles, anything run under a pseudo-terminal and
 * captured), cursor moves and window titles. They carry nothing a template needs, hide the level and the logger from
 * the header reader, and must not reach a terminal or a report anyway. Sequences per ECMA-48: CSI ({@code ESC [} or
 * U+009B, parameters, intermediates, a final byte), the string commands (OSC, DCS, APC, PM, SOS, ended by BEL or
 * {@code ESC \}) and two- or three-character escapes ({@code ESC 7}, {@code ESC ( B}).
 */
final class EscapeCodes {
    private static final char ESC = '\u001b';
    private static final char CSI = '\u009b';

    private EscapeCodes() {
    }

    /**
     * {@code text} without its escape sequences; the same instance when it has no ESC (nearly always: one vectorised
     * scan per line). The 8-bit CSI alone, without an ESC on the line, is left (it is all but unknown in logs, and the
     * CLI shows C1 controls as {@code ?} anyway), so that the common case costs one scan, not two.
     */
    static String strip(String text) {
        if (text.indexOf(ESC) < 0) {
            return text;
        }
        int n = text.length();
        StringBuilder out = new StringBuilder(n);
        int i = 0;
        while (i < n) {
            char c = text.charAt(i);
            if (c == CSI) {
                i = afterControlSequence(text, i + 1);
            } else if (c != ESC) {
                out.append(c);
                i++;
            } else if (i + 1 == n) {
                i++; // a lone escape at the end
            } else {
                char next = text.charAt(i + 1);
                if (next == '[') {
                    i = afterControlSequence(text, i + 2);
                } else if (next == ']' || next == 'P' || next == '_' || next == '^' || next == 'X') {
                    i = afterCommandString(text, i + 2);
                } else if (next >= 0x20 && next <= 0x2F) { // intermediates, then a final: ESC ( B
                    int j = i + 1;
                    while (j < n && text.charAt(j) >= 0x20 && text.charAt(j) <= 0x2F) {
                        j++;
                    }
                    i = Math.min(n, j + 1);
                } else if (next >= 0x30 && next <= 0x7E) {
                    i += 2; // ESC 7, ESC =, ESC M
                } else {
                    i++; // an escape before anything else: the escape alone goes
                }
            }
        }
        return out.toString();
    }

    /**
     * Past the whole control sequences ({@code ESC [}, parameters, intermediates, a final byte: a terminal's colours)
     * at {@code from} in {@code bytes[.., end)}, read before a line is decoded (a prefix's colours); {@code from} when
     * none opens there. A sequence cut short is left to the text.
     */
    static int afterControlSequences(byte[] bytes, int from, int end) {
        int i = from;
        while (i + 1 < end && bytes[i] == ESC && bytes[i + 1] == '[') {
            int j = i + 2;
            while (j < end && (bytes[j] & 0xFF) >= 0x20 && (bytes[j] & 0xFF) <= 0x3F) {
                j++;
            }
            if (j >= end || (bytes[j] & 0xFF) < 0x40 || (bytes[j] & 0xFF) > 0x7E) {
                return i;
            }
            i = j + 1;
        }
        return i;
    }

    /** Past a control sequence's parameters (0x30-0x3F), intermediates (0x20-0x2F) and final byte (0x40-0x7E). */
    private static int afterControlSequence(String text, int from) {
        int i = from;
        int n = text.length();
        while (i < n && text.charAt(i) >= 0x30 && text.charAt(i) <= 0x3F) {
            i++;
        }
        while (i < n && text.charAt(i) >= 0x20 && text.charAt(i) <= 0x2F) {
            i++;
        }
        return i < n && text.charAt(i) >= 0x40 && text.charAt(i) <= 0x7E ? i + 1 : i;
    }

    /** Past a command string's terminator: BEL, or {@code ESC \}; the rest of the text when it has none. */
    private static int afterCommandString(String text, int from) {
        int n = text.length();
        for (int i = from; i < n; i++) {
            char c = text.charAt(i);
            if (c == '\u0007') {
                return i + 1;
            }
            if (c == ESC && i + 1 < n && text.charAt(i + 1) == '\\') {
                return i + 2;
            }
        }
        return n;
    }
}
