package dev.sloscout.connectors.files;

import dev.sloscout.connectors.files.fixtures.Archives;
import dev.sloscout.connectors.files.fixtures.Compressions;
import dev.sloscout.connectors.files.fixtures.OtlpProtoWriter;
import dev.sloscout.connectors.files.fixtures.TraceFixtures;
import dev.sloscout.connectors.files.fixtures.ZipkinJsonWriter;
import dev.sloscout.engine.model.Problem;
import dev.sloscout.engine.model.Span;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Archives given as input: the files in a zip or tar (plain, gzip'd, zstd'd, xz'd, bzip2'd) read as sources of their
 * own.
 */
class InputsTest {
    private static final List<Span> FIRST = TraceFixtures.spans(31, 5);
    private static final List<Span> SECOND = TraceFixtures.spans(32, 4);
    private static final String LOG = "2024-03-01 10:00:00 INFO payment accepted for order 17\n"
            + "2024-03-01 10:00:01 INFO payment accepted for order 18\n";

    @TempDir
    Path dir;

    private Path write(String name, byte[] bytes) throws IOException {
        Path file = dir.resolve(name);
        Files.write(file, bytes);
        return file;
    }

    private static byte[] zipkin(List<Span> spans) {
        return ZipkinJsonWriter.spans(spans).getBytes(StandardCharsets.UTF_8);
    }

    private record Read(List<Span> spans, List<Problem> problems, List<SourceReport> reports) {
    }

    private static Read read(Path... inputs) {
        List<Span> spans = new ArrayList<>();
        List<Problem> problems = new ArrayList<>();
        List<SourceReport> reports = new TraceFileReader(spans::add, problems::add)
                .read(Arrays.stream(inputs).map(Path::toString).toList());
        return new Read(spans, problems, reports);
    }

    private static String text(Path input) throws IOException {
        try (InputStream in = Inputs.open(input)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    @Test
    void theFilesOfATarReadAsTheFilesThemselvesWhateverItsCompression() throws IOException {
        byte[] tar = new Archives.Tar(Archives.LongNames.PAX)
                .folder("dump")
                .file("dump/first.pb", OtlpProtoWriter.bare(FIRST), 1_700_000_000L)
                .symlink("dump/latest.pb", "first.pb")
                .file("dump/second.json", zipkin(SECOND), 1_700_000_100L)
                .bytes();
        Read loose = read(write("first.pb", OtlpProtoWriter.bare(FIRST)), write("second.json", zipkin(SECOND)));

        for (Path archive : List.of(write("dump.tar", tar), write("dump.tar.gz", Compressions.gzip(tar)),
                write("dump.tar.zst", Compressions.zstd(tar)), write("sosreport-vm-2026-12-05.tar.xz",
                        Compressions.xz(tar)), write("dump.tar.bz2", Compressions.bzip2(tar)))) {
            Read packed = read(archive);

            assertThat(packed.problems()).isEmpty();
            assertThat(packed.reports()).extracting(SourceReport::source).containsExactly(
                    archive + "!/dump/first.pb", archive + "!/dump/second.json");
            assertThat(packed.reports()).extracting(SourceReport::format)
                    .containsExactly(TraceFormat.OTLP_PROTO, TraceFormat.ZIPKIN_JSON);
            assertThat(packed.spans()).usingRecursiveFieldByFieldElementComparator()
                    .containsExactlyElementsOf(loose.spans());
        }
    }

    @Test
    void aZipIsReadByItsDirectoryLeavingOutFoldersHiddenFilesAndMacResourceForks() throws IOException {
        Path zip = write("bundle.zip", Archives.zip(Archives.files(
                "traces/", "",
                "traces/a.json", new String(zipkin(FIRST), StandardCharsets.UTF_8),
                "__MACOSX/traces/._a.json", "\u0000\u0005\u0016\u0007 resource fork",
                "traces/.DS_Store", "\u0000\u0000\u0000\u0001Bud1",
                "logs/payment.log", LOG)));

        InputKinds.Split split = InputKinds.split(List.of(zip.toString()));

        assertThat(split.problems()).isEmpty();
        assertThat(split.traces()).containsExactly(zip + "!/traces/a.json");
        assertThat(split.logs()).containsExactly(Path.of(zip + "!/logs/payment.log"));
        assertThat(text(split.logs().get(0))).isEqualTo(LOG);
        assertThat(Inputs.size(split.logs().get(0))).isEqualTo(LOG.length());
        assertThat(read(zip).spans()).hasSameSizeAs(FIRST);
    }

    @Test
    void filesAskedForOutOfOrderOrTwiceReadTheirOwnContent() throws IOException {
        byte[] tar = new Archives.Tar(Archives.LongNames.GNU)
                .file("a.log", "alpha\n".getBytes(StandardCharsets.UTF_8), 0)
                .file("b.log", "beta\n".repeat(300).getBytes(StandardCharsets.UTF_8), 0)
                .file("c/" + "deep/".repeat(30) + "c.log", "gamma\n".getBytes(StandardCharsets.UTF_8), 0)
                .bytes();
        Path archive = write("logs.tgz", Compressions.gzip(tar));
        List<Path> files = Inputs.expand(archive, p -> {
            throw new AssertionError(p.toString());
        });
        assertThat(files).extracting(Path::toString).containsExactly(archive + "!/a.log", archive + "!/b.log",
                archive + "!/c/" + "deep/".repeat(30) + "c.log");

        try (InputStream partly = Inputs.open(files.get(1))) {
            assertThat(partly.readNBytes(5)).isEqualTo("beta\n".getBytes(StandardCharsets.UTF_8)); // left half read
        }
        assertThat(text(files.get(2))).isEqualTo("gamma\n");
        assertThat(text(files.get(0))).isEqualTo("alpha\n");
        assertThat(text(files.get(1))).isEqualTo("beta\n".repeat(300));
        assertThat(text(files.get(1))).isEqualTo("beta\n".repeat(300));
        try (InputStream first = Inputs.open(files.get(0)); InputStream third = Inputs.open(files.get(2))) {
            assertThat(new String(third.readAllBytes(), StandardCharsets.UTF_8)).isEqualTo("gamma\n");
            assertThat(new String(first.readAllBytes(), StandardCharsets.UTF_8)).isEqualTo("alpha\n");
        }
        Inputs.release();
    }

    @Test
    void aTarFilesTimeOfWritingIsItsOwnNotTheArchives() throws IOException {
        Path archive = write("old.tar", new Archives.Tar(Archives.LongNames.PAX)
                .file("syslog", "Jun 14 15:16:01 combo sshd[1]: hello\n".getBytes(StandardCharsets.UTF_8),
                        1_560_000_000L).bytes());
        Path member = Inputs.expand(archive, p -> { }).get(0);

        assertThat(Inputs.lastModifiedMillis(member)).isEqualTo(1_560_000_000_000L);
        assertThat(Inputs.lastModifiedMillis(archive)).isNotEqualTo(1_560_000_000_000L);
    }

    @Test
    void aDamagedArchiveKeepsWhatCameBeforeTheDamageAndSaysWhere() throws IOException {
        byte[] tar = new Archives.Tar(Archives.LongNames.PAX)
                .file("first.pb", OtlpProtoWriter.bare(FIRST), 0)
                .file("second.json", zipkin(SECOND), 0)
                .bytes();
        int secondHeader = 512 + (OtlpProtoWriter.bare(FIRST).length + 511) / 512 * 512;
        byte[] damaged = tar.clone();
        damaged[secondHeader + 3] ^= 0x55;

        Read read = read(write("damaged.tar", damaged));

        assertThat(read.reports()).extracting(SourceReport::source).containsExactly(
                dir.resolve("damaged.tar") + "!/first.pb");
        assertThat(read.spans()).hasSameSizeAs(FIRST);
        assertThat(read.problems()).singleElement().satisfies(p -> assertThat(p.source() + ": " + p.reason())
                .isEqualTo(dir.resolve("damaged.tar") + ": cannot list the archive past its first 1 files: not a tar "
                        + "header at byte " + secondHeader
                        + " (its checksum does not add up): the archive is damaged"));
    }

    @Test
    void anArchiveInsideAnArchiveIsOneProblemNamingIt() throws IOException {
        byte[] inner = Compressions.gzip(new Archives.Tar(Archives.LongNames.PAX)
                .file("a.json", zipkin(FIRST), 0).bytes());
        Path zip = write("outer.zip", Archives.zip(java.util.Map.of("inner.tar.gz", inner)));

        Read read = read(zip);

        assertThat(read.spans()).isEmpty();
        assertThat(read.problems()).singleElement().satisfies(p -> assertThat(p.source() + ": " + p.reason())
                .isEqualTo(zip + "!/inner.tar.gz: not a trace file: a tar archive (an archive inside an archive, or "
                        + "on standard input, is not opened: extract it, or give it as a file of its own)"));
    }

    @Test
    void anEmptyArchiveIsOneProblemAndNoSource() throws IOException {
        Path zip = write("empty.zip", Archives.zip(Archives.files("only/a/folder/", "")));

        InputKinds.Split split = InputKinds.split(List.of(zip.toString()));

        assertThat(split.traces()).isEmpty();
        assertThat(split.logs()).isEmpty();
        assertThat(split.problems()).extracting(Problem::reason)
                .containsExactly("an archive with no files in it to read");
    }

    @ParameterizedTest
    @ValueSource(strings = {"gz", "xz", "bz2"})
    void truncatedOrCorruptedArchivesNeverEscapeTheReader(String compression) throws IOException {
        byte[] tar = new Archives.Tar(Archives.LongNames.GNU)
                .file("first.pb", OtlpProtoWriter.bare(FIRST), 0)
                .file("second.json", zipkin(SECOND), 0)
                .bytes();
        byte[] whole = switch (compression) {
            case "xz" -> Compressions.xz(tar);
            case "bz2" -> Compressions.bzip2(tar);
            default -> Compressions.gzip(tar);
        };
        Random random = new Random(7);
        for (int i = 0; i < 200; i++) {
            byte[] broken = Arrays.copyOf(whole, random.nextInt(whole.length + 1));
            if (broken.length > 0 && random.nextBoolean()) {
                broken[random.nextInt(broken.length)] ^= (byte) (1 + random.nextInt(255));
            }
            Read read = read(write("broken-" + i + ".tar." + compression, broken));
            assertThat(read.reports().size() + read.problems().size()).as("case " + i).isPositive();
        }
        Inputs.release();
    }

    /**
     * A folder's symbolic links are followed (a node's {@code /var/log/containers} holds links to the pods' logs), a
     * file reached by its path and through a link is read once under its first name, and a broken link or a link back
     * to a folder above is one problem each; the rest is still listed.
     */
    @Test
    void aFoldersLinksAreFollowedAndAFileReachedTwiceIsReadOnce() throws IOException {
        Path pod = Files.createDirectories(dir.resolve("log/pods/shop_checkout-7d9f_0a1b/checkout"));
        Path log = Files.writeString(pod.resolve("0.log"), LOG);
        Path containers = Files.createDirectories(dir.resolve("log/containers"));
        Path link = Files.createSymbolicLink(containers.resolve("checkout-7d9f_shop_checkout-0123abcd.log"), log);
        Files.createSymbolicLink(containers.resolve("gone.log"), dir.resolve("log/pods/gone/0.log"));
        Files.createSymbolicLink(pod.resolve("up"), dir.resolve("log"));
        List<Problem> problems = new ArrayList<>();

        assertThat(Inputs.expand(containers, problems::add)).containsExactly(link);
        assertThat(Inputs.expand(dir.resolve("log"), problems::add)).containsExactly(link);

        assertThat(problems).extracting(Problem::reason).containsExactlyInAnyOrder( // in the folders' order
                "a broken symbolic link (to " + dir.resolve("log/pods/gone/0.log") + "): skipped",
                "a broken symbolic link (to " + dir.resolve("log/pods/gone/0.log") + "): skipped",
                "a symbolic link to a folder that holds it: not followed",
                "1 file reached twice (by a path and through a symbolic link): read once");
    }

    /**
     * A folder of docker's containers ({@code /var/lib/docker/containers}) reads their logs alone: the files docker
     * keeps beside each ({@code config.v2.json}, {@code hostconfig.json}, {@code hosts}, ...) are no logs; a file of
     * one of those names elsewhere is read.
     */
    @Test
    void aFolderOfDockersContainersReadsTheirLogsAlone() throws IOException {
        String id = "3d99da823a40532ec97c8968879683dd200ce431f93459b5075450e6213bc4f1";
        Path container = Files.createDirectories(dir.resolve("containers").resolve(id));
        Path log = Files.writeString(container.resolve(id + "-json.log"),
                "{\"log\":\"payment accepted\\n\",\"stream\":\"stdout\",\"time\":\"2026-12-04T02:53:24Z\"}\n");
        for (String own : List.of("config.v2.json", "hostconfig.json", "hostname", "hosts", "resolv.conf",
                "resolv.conf.hash")) {
            Files.writeString(container.resolve(own), "{}\n");
        }
        Path elsewhere = Files.writeString(Files.createDirectories(dir.resolve("etc")).resolve("hosts"),
                "127.0.0.1 localhost\n");
        List<Problem> problems = new ArrayList<>();

        assertThat(Inputs.expand(dir, problems::add)).containsExactly(log, elsewhere);
        assertThat(problems).isEmpty();
    }
}
