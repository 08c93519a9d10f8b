package dev.sloscout.engine.capsule;

/** The typed placeholders a template uses for the variable parts of a message. */
public final class Placeholder {
    public static final String NUM = "<NUM>";
    public static final String HEX = "<HEX>";
    public static final String UUID = "<UUID>";
    public static final String IP = "<IP>";
    public static final String IP_PORT = "<IP:PORT>";
    public static final String PATH = "<PATH>";
    public static final String URL = "<URL>";
    public static final String EMAIL = "<EMAIL>";
    public static final String DURATION = "<DURATION>";
    public static final String SIZE = "<SIZE>";
    public static final String STR = "<STR>";
    /** A date or time inside the message (the line's own timestamp is a header field, not a token). */
    public static final String TIME = "<TIME>";
    /** A variable of no particular type: an identifier with digits, a value after {@code key=}, a merged position. */
    public static final String ANY = "<*>";

    private Placeholder() {
    }

    private static final java.util.Map<String, String> CONSTANTS = java.util.stream.Stream.of(NUM, HEX, UUID, IP,
            IP_PORT, PATH, URL, EMAIL, DURATION, SIZE, STR, TIME, ANY)
            .collect(java.util.stream.Collectors.toUnmodifiableMap(t -> t, t -> t));

    /**
     * The constant for a token read back from bytes: a placeholder's text becomes the constant itself (templates tell
     * placeholders apart by identity), any other word stays as it is.
     */
    public static String canonical(String token) {
        return CONSTANTS.getOrDefault(token, token);
    }

    /** Placeholders are interned constants, so identity tells them apart from words cheaply. */
    public static boolean is(String token) {
        return token.length() > 2 && token.charAt(0) == '<' && token.charAt(token.length() - 1) == '>'
                && (token == NUM || token == HEX || token == UUID || token == IP || token == IP_PORT
                || token == PATH || token == URL || token == EMAIL || token == DURATION || token == SIZE
                || token == STR || token == TIME || token == ANY);
    }
}
