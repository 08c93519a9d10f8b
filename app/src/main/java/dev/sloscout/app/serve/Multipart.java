package dev.sloscout.app.serve;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** multipart/form-data uploads (RFC 7578): each part with a file name saved as a file; at most so many. */
final class Multipart {
    private static final Pattern BOUNDARY = Pattern.compile("boundary=\"?([^\";]+)\"?");
    private static final Pattern FILENAME = Pattern.compile("filename=\"([^\"]*)\"");

    private Multipart() {
    }

    static List<Path> save(byte[] body, String contentType, Path into, int maxFiles)
            throws IOException, ApiServer.ApiError {
        Matcher m = BOUNDARY.matcher(contentType);
        if (!m.find()) {
            throw new ApiServer.ApiError(400, "multipart/form-data without a boundary");
        }
        byte[] delimiter = ("--" + m.group(1)).getBytes(StandardCharsets.ISO_8859_1);
        List<Path> files = new ArrayList<>();
        int at = indexOf(body, delimiter, 0);
        while (at >= 0) {
            int start = at + delimiter.length;
            if (start + 1 < body.length && body[start] == '-' && body[start + 1] == '-') {
                break; // the closing delimiter
            }
            int headersEnd = indexOf(body, "\r\n\r\n".getBytes(StandardCharsets.ISO_8859_1), start);
            int next = indexOf(body, delimiter, start);
            if (headersEnd < 0 || next < 0 || headersEnd > next) {
                throw new ApiServer.ApiError(400, "a multipart part is cut short");
            }
            String headers = new String(body, start, headersEnd - start, StandardCharsets.UTF_8);
            Matcher name = FILENAME.matcher(headers);
            if (name.find()) {
                if (files.size() == maxFiles) {
                    throw new ApiServer.ApiError(413, "more than " + maxFiles + " files in one upload (--max-uploads)");
                }
                int contentEnd = next - 2; // the CRLF before the delimiter
                Path file = into.resolve(files.size() + "-" + safeName(name.group(1), "upload"));
                Files.write(file, java.util.Arrays.copyOfRange(body, headersEnd + 4, Math.max(headersEnd + 4,
                        contentEnd)));
                files.add(file);
            }
            at = next;
        }
        return files;
    }

    /** A file name without folders or odd characters (a name from a client never picks where a file goes). */
    static String safeName(String name, String fallback) {
        if (name == null) {
            return fallback;
        }
        String base = name.replace('\\', '/');
        base = base.substring(base.lastIndexOf('/') + 1).replaceAll("[^A-Za-z0-9._-]", "_");
        return base.isEmpty() || base.startsWith(".") ? fallback + base : base;
    }

    private static int indexOf(byte[] haystack, byte[] needle, int from) {
        outer:
        for (int i = Math.max(0, from); i <= haystack.length - needle.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (haystack[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }
}
