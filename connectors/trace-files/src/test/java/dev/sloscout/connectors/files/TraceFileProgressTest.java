package dev.sloscout.connectors.files;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sloscout.connectors.files.fixtures.ShopTraffic;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The reader says when each source starts, how many of its bytes it has read, and how it ended. */
class TraceFileProgressTest {
    @TempDir
    Path dir;

    @Test
    void eachSourceStartsReadsInMegabytesAndEndsWithItsReport() throws Exception {
        Path big = ShopTraffic.writeJsonLines(dir.resolve("big.jsonl"), 7, 1_500); // megabytes
        Path missing = dir.resolve("missing.jsonl");
        List<String> told = new ArrayList<>();
        List<Long> bytes = new ArrayList<>();
        TraceFileReader reader = new TraceFileReader(span -> { }, problem -> { }, () -> false, System.in, 2)
                .withProgress(new TraceFileReader.Progress() {
                    @Override
                    public void started(String source, long size) {
                        told.add("started " + Path.of(source).getFileName() + " " + size);
                    }

                    @Override
                    public void read(String source, long read) {
                        bytes.add(read);
                    }

                    @Override
                    public void ended(SourceReport report) {
                        told.add("ended " + Path.of(report.source()).getFileName() + " " + report.spans() + " "
                                + report.rejected());
                    }
                });

        List<SourceReport> reports = reader.read(List.of(big.toString(), missing.toString()));

        long size = Files.size(big);
        assertThat(told).containsExactly("started big.jsonl " + size,
                "ended big.jsonl " + reports.get(0).spans() + " 0", "started missing.jsonl -1",
                "ended missing.jsonl 0 1");
        assertThat(reports.get(0).spans()).isEqualTo(ShopTraffic.spans(7, 1_500).size());
        assertThat(size).as("megabytes, for several reports").isGreaterThan(2L << 20);
        assertThat(bytes).hasSizeGreaterThanOrEqualTo((int) (size >> 20) - 1).isSorted()
                .allSatisfy(b -> assertThat(b).isPositive().isLessThanOrEqualTo(size));
    }
}
