package dev.sloscout.engine.model;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;

/**
 * Strings of any length in the engine's binary state formats ({@code writeUTF} stops at 64 KB, which a stack trace in
 * an exception message or a journey of many calls can pass). A length that the input cannot hold is refused.
 */
public final class DataStrings {
    private DataStrings() {
    }

    public static void write(DataOutputStream out, String text) throws IOException {
        byte[] utf8 = text.getBytes(StandardCharsets.UTF_8);
        out.writeInt(utf8.length);
        out.write(utf8);
    }

    public static String read(DataInputStream in) throws IOException {
        int length = in.readInt();
        if (length < 0 || length > in.available()) {
            throw new IOException("string length " + length + " out of range");
        }
        return new String(in.readNBytes(length), StandardCharsets.UTF_8);
    }
}
