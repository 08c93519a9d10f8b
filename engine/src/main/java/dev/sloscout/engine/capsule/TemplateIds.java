package dev.sloscout.engine.capsule;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/** Content-addressed template ids: the first 64 bits of the SHA-256 of the tokens joined by single spaces. */
public final class TemplateIds {
    private TemplateIds() {
    }

    public static String of(String[] tokens) {
        MessageDigest sha;
        try {
            sha = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
        for (int i = 0; i < tokens.length; i++) {
            if (i > 0) {
                sha.update((byte) ' ');
            }
            sha.update(tokens[i].getBytes(StandardCharsets.UTF_8));
        }
        return HexFormat.of().formatHex(sha.digest(), 0, 8);
    }
}
