package dev.sloscout.engine.artifact;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Locale;

/** Safe names from data: RFC 1123 labels for SLOs and file names; shortened names keep a hash of the original. */
public final class Names {
    private Names() {
    }

    /** Lower-case letters, digits and single dashes; at most {@code max} characters; never empty. */
    public static String slug(String text, int max) {
        StringBuilder out = new StringBuilder();
        for (char c : text.toLowerCase(Locale.ROOT).toCharArray()) {
            if (c >= 'a' && c <= 'z' || c >= '0' && c <= '9') {
                out.append(c);
            } else if (out.length() > 0 && out.charAt(out.length() - 1) != '-') {
                out.append('-');
            }
        }
        while (out.length() > 0 && out.charAt(out.length() - 1) == '-') {
            out.setLength(out.length() - 1);
        }
        String slug = out.length() == 0 ? "x" : out.toString();
        if (slug.length() <= max) {
            return slug;
        }
        String head = slug.substring(0, max - 7);
        while (head.endsWith("-")) {
            head = head.substring(0, head.length() - 1);
        }
        return head + "-" + hash(text);
    }

    public static String slug(String text) {
        return slug(text, 40);
    }

    /**
     * A slug that cannot collide with another text's: when the slug lost characters ({@code pay"ments} and
     * {@code pay-ments} both read {@code pay-ments}), a hash of the original follows it.
     */
    public static String unique(String text) {
        String slug = slug(text, 40);
        return slug.equals(text) || slug.endsWith(hash(text)) ? slug : slug + "-" + hash(text);
    }

    private static String hash(String text) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
            return String.format("%02x%02x%02x", digest[0], digest[1], digest[2]);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The Grafana dashboard uid of a service's SLO dashboard (at most 40 characters, as Grafana allows). */
    public static String dashboardUid(String service) {
        return "slo-" + slug(unique(service), 36);
    }

    /** {@code page-1h} becomes {@code Page1h}, for alert names. */
    public static String camel(String text) {
        StringBuilder out = new StringBuilder();
        boolean upper = true;
        for (char c : text.toCharArray()) {
            if (Character.isLetterOrDigit(c) && c < 128) {
                out.append(upper ? Character.toUpperCase(c) : c);
                upper = false;
            } else {
                upper = true;
            }
        }
        return out.toString();
    }
}
