package dev.sloscout.connectors.files;

import dev.sloscout.engine.ingest.ProblemSink;
import dev.sloscout.engine.model.Problem;

import java.io.BufferedInputStream;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

/**
 * Where an input's bytes come from: a file, or a file inside a zip or tar archive (the tar plain, gzip'd or zstd'd,
 * told by content), named {@code archive!/path/inside} as {@code jar:} URLs do. Given an archive, the readers read
 * the files in it, each a source of its own: support bundles and log collections come packed, and unpacking them
 * first was the user's chore.
 *
 * <p>A tar archive can only be read from its start, so reading its files one after the other keeps one open reading
 * position per archive ({@link #release} closes them); a file asked for out of order starts a new one. Zip files are
 * opened by their directory.
 */
public final class Inputs {
    /** Between an archive's path and a path inside it. */
    public static final String MEMBER = "!/";
    /** A file found in an archive listed this session: its size and time of writing, for progress and years. */
    private static final Map<Path, Listed> LISTED = new ConcurrentHashMap<>();
    /** Per tar archive, a reading position no reader holds now. */
    private static final Map<Path, TarCursor> IDLE = new ConcurrentHashMap<>();

    enum Archive { ZIP, TAR }

    private record Listed(Archive archive, long size, long modifiedMillis) {
    }

    /** An archive's path and the name of a file inside it. */
    private record Member(Path archive, String name) {
    }

    private Inputs() {
    }

    /**
     * An input as the files to read: a folder's files (sorted, hidden ones left out) and, for each archive among them
     * or given itself, the files inside it in the archive's order. What cannot be listed is a problem; the rest is
     * still returned.
     */
    public static List<Path> expand(Path input, ProblemSink problems) {
        List<Path> files = Files.isDirectory(input) ? TraceFileReader.filesUnder(input, problems) : List.of(input);
        List<Path> out = new ArrayList<>(files.size());
        for (Path file : files) {
            Archive archive = archiveOf(file);
            if (archive == null) {
                out.add(file);
                continue;
            }
            List<Path> members = members(file, archive, problems);
            if (members.isEmpty()) {
                problems.report(new Problem(file.toString(), "", "an archive with no files in it to read"));
            }
            out.addAll(members);
        }
        return out;
    }

    /** True for a regular file, or a file inside an archive that is one. */
    public static boolean isReadable(Path input) {
        return Files.isRegularFile(input) || member(input) != null;
    }

    /** The input's bytes (an archive's file decompressed by the archive's own method; gzip inside is left as is). */
    public static InputStream open(Path input) throws IOException {
        Member member = Files.exists(input) ? null : member(input);
        if (member == null) {
            return Files.newInputStream(input);
        }
        Listed listed = LISTED.get(input);
        Archive kind = listed != null ? listed.archive() : archiveOf(member.archive()); // listed: no second look
        return kind == Archive.ZIP ? openZipped(member) : openTarred(member);
    }

    /** Bytes in the input, or -1 when unknown. */
    public static long size(Path input) {
        Listed listed = LISTED.get(input);
        if (listed != null) {
            return listed.size();
        }
        try {
            return Files.size(input);
        } catch (IOException e) {
            return -1;
        }
    }

    /** When the input was last written: a file's time, a packed file's own time as its archive recorded it. */
    public static long lastModifiedMillis(Path input) throws IOException {
        Listed listed = LISTED.get(input);
        if (listed != null && listed.modifiedMillis() > 0) {
            return listed.modifiedMillis();
        }
        Member member = listed == null ? null : member(input);
        return Files.getLastModifiedTime(member != null ? member.archive() : input).toMillis();
    }

    /** Closes the tar archives kept open between their files (those a reader is in stay open until it is done). */
    public static void release() {
        for (Path archive : List.copyOf(IDLE.keySet())) {
            TarCursor cursor = IDLE.remove(archive);
            if (cursor != null) {
                cursor.close();
            }
        }
    }

    /** What kind of archive a regular file is, by its content; null for anything else. */
    static Archive archiveOf(Path file) {
        if (!Files.isRegularFile(file)) {
            return null;
        }
        try (InputStream raw = Files.newInputStream(file); BufferedInputStream in = Compression.decompressed(raw)) {
            byte[] head = Compression.peek(in, TarEntries.BLOCK);
            if (head.length >= 4 && head[0] == 'P' && head[1] == 'K' && (head[2] == 3 && head[3] == 4
                    || head[2] == 5 && head[3] == 6)) {
                return Archive.ZIP;
            }
            return TarEntries.looksLikeTar(head) ? Archive.TAR : null;
        } catch (IOException e) {
            return null; // the reader says what is wrong with it
        }
    }

    private static List<Path> members(Path archive, Archive kind, ProblemSink problems) {
        List<Path> members = new ArrayList<>();
        Set<String> names = new HashSet<>();
        try {
            if (kind == Archive.ZIP) {
                try (ZipFile zip = new ZipFile(archive.toFile())) {
                    for (ZipEntry entry : java.util.Collections.list(zip.entries())) {
                        if (!entry.isDirectory()) {
                            add(archive, kind, entry.getName(), entry.getSize(), entry.getTime(), names, members,
                                    problems);
                        }
                    }
                }
            } else {
                try (InputStream raw = Files.newInputStream(archive);
                        BufferedInputStream in = Compression.decompressed(raw)) {
                    TarEntries entries = new TarEntries(in);
                    for (TarEntries.Entry entry; (entry = entries.next()) != null; ) {
                        add(archive, kind, entry.name(), entry.size(), entry.modifiedMillis(), names, members,
                                problems);
                    }
                }
            }
        } catch (IOException | RuntimeException e) {
            problems.report(new Problem(archive.toString(), "", "cannot list the archive"
                    + (members.isEmpty() ? "" : " past its first " + members.size() + " files") + ": "
                    + (e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage())));
        }
        return members;
    }

    private static void add(Path archive, Archive kind, String name, long size, long modified, Set<String> names,
            List<Path> members, ProblemSink problems) {
        String clean = name.startsWith("./") ? name.substring(2) : name;
        while (clean.startsWith("/")) {
            clean = clean.substring(1);
        }
        if (clean.isEmpty() || hidden(clean)) {
            return;
        }
        if (!names.add(clean)) {
            problems.report(new Problem(archive + MEMBER + clean, "", "in the archive twice: the first is read"));
            return;
        }
        Path path = Path.of(archive + MEMBER + clean);
        LISTED.put(path, new Listed(kind, size, modified));
        members.add(path);
    }

    /** Hidden files and folders, and the resource forks macOS puts in zips ({@code __MACOSX/}, {@code ._name}). */
    private static boolean hidden(String name) {
        for (String part : name.split("/")) {
            if (part.startsWith(".") && !part.equals(".") || part.equals("__MACOSX")) {
                return true;
            }
        }
        return false;
    }

    /** The archive and name an input names, or null when it names no file inside a regular file. */
    private static Member member(Path input) {
        String text = input.toString();
        for (int at = text.indexOf('!'); at > 0; at = text.indexOf('!', at + 1)) {
            if (at + 1 < text.length() && (text.charAt(at + 1) == '/' || text.charAt(at + 1) == '\\')) {
                Path archive = Path.of(text.substring(0, at));
                if (Files.isRegularFile(archive)) {
                    return new Member(archive, text.substring(at + 2).replace('\\', '/'));
                }
            }
        }
        return null;
    }

    private static InputStream openZipped(Member member) throws IOException {
        ZipFile zip = new ZipFile(member.archive().toFile());
        ZipEntry entry = zip.getEntry(member.name());
        if (entry == null) {
            zip.close();
            throw missing(member);
        }
        return new FilterInputStream(zip.getInputStream(entry)) {
            @Override
            public void close() throws IOException {
                try {
                    super.close();
                } finally {
                    zip.close();
                }
            }
        };
    }

    private static InputStream openTarred(Member member) throws IOException {
        TarCursor cursor = IDLE.remove(member.archive());
        if (cursor != null && cursor.passed(member.name())) {
            cursor.close();
            cursor = null;
        }
        for (int attempt = 0; attempt < 2; attempt++) {
            if (cursor == null) {
                cursor = TarCursor.open(member.archive());
            }
            boolean fromStart = cursor.seen.isEmpty();
            try {
                InputStream content = cursor.seek(member.name());
                if (content != null) {
                    return cursor.lend(content, member.archive());
                }
            } catch (IOException | RuntimeException e) {
                cursor.close();
                throw e;
            }
            cursor.close();
            cursor = null;
            if (fromStart) {
                break;
            }
        }
        throw missing(member);
    }

    private static NoSuchFileException missing(Member member) {
        return new NoSuchFileException(member.archive() + MEMBER + member.name(), null, "no such file in the archive");
    }

    /** An open tar archive and the files passed so far. */
    private static final class TarCursor {
        final InputStream raw;
        final TarEntries entries;
        final Set<String> seen = new HashSet<>();

        private TarCursor(InputStream raw, TarEntries entries) {
            this.raw = raw;
            this.entries = entries;
        }

        static TarCursor open(Path archive) throws IOException {
            InputStream raw = Files.newInputStream(archive);
            try {
                return new TarCursor(raw, new TarEntries(Compression.decompressed(raw)));
            } catch (IOException | RuntimeException e) {
                raw.close();
                throw e;
            }
        }

        boolean passed(String name) {
            return seen.contains(normal(name));
        }

        /** The named file's content, read on from here; null when the archive ends first. */
        InputStream seek(String name) throws IOException {
            String wanted = normal(name);
            for (TarEntries.Entry entry; (entry = entries.next()) != null; ) {
                String found = normal(entry.name());
                seen.add(found);
                if (found.equals(wanted)) {
                    return entries.content(entry);
                }
            }
            return null;
        }

        /** The content for a reader; when it closes it, this cursor waits for the archive's next file. */
        InputStream lend(InputStream content, Path archive) {
            return new FilterInputStream(content) {
                private boolean closed;

                @Override
                public void close() {
                    if (!closed) {
                        closed = true;
                        if (IDLE.putIfAbsent(archive, TarCursor.this) != null) {
                            TarCursor.this.close();
                        }
                    }
                }
            };
        }

        void close() {
            try {
                raw.close();
            } catch (IOException ignored) {
                // nothing was written; the file is only read
            }
        }

        private static String normal(String name) {
            String clean = name.startsWith("./") ? name.substring(2) : name;
            while (clean.startsWith("/")) {
                clean = clean.substring(1);
            }
            return clean;
        }
    }
}
