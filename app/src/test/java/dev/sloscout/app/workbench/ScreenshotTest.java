package dev.sloscout.app.workbench;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code slo-scout --demo --screenshot DIR} in its own JVM, the real window (Monocle), as the README's images are made. */
@Tag("integration")
class ScreenshotTest {
    @TempDir
    Path dir;

    /** The whole demo analysed and drawn (about a minute on two cores): in the slow profile, run by .ci/run. */
    @Test
    @Tag("slow")
    void theDemoIsAnalysedAndEveryMainViewIsWrittenAsAPngAtTheWindowsSize() throws Exception {
        Path shots = dir.resolve("shots");
        Path home = dir.resolve("home");
        Files.createDirectories(home);
        Files.writeString(home.resolve("workbench.json"), "{\"width\": 1100, \"height\": 720}");
        Process child = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Dglass.platform=Monocle", "-Dmonocle.platform=Headless", "-Dprism.order=sw", "-Dprism.text=t2k",
                "-Djava.awt.headless=true", "-Dsloscout.home=" + home, "-cp", System.getProperty("java.class.path"),
                "dev.sloscout.app.Main", "--demo", "--demo-scale", "0.2", "--screenshot", shots.toString())
                .redirectErrorStream(true).redirectOutput(dir.resolve("out.txt").toFile()).start();
        assertThat(child.waitFor(150, TimeUnit.SECONDS)).as("finished").isTrue();
        String out = Files.readString(dir.resolve("out.txt"), StandardCharsets.UTF_8);
        assertThat(child.exitValue()).as(out).isZero();
        assertThat(out).contains("6 screenshots -> " + shots);
        for (String view : List.of("journeys", "capsules", "slo-studio", "artifacts", "data-quality", "compare")) {
            BufferedImage image = ImageIO.read(shots.resolve(view + ".png").toFile());
            assertThat(image.getWidth()).as(view).isEqualTo(1100);
            assertThat(image.getHeight()).as(view).isEqualTo(720);
            assertThat(colours(image)).as(view + " is a drawn view, not a blank window").isGreaterThan(50);
        }
        assertThat(differs(shots.resolve("journeys.png"), shots.resolve("slo-studio.png"))).isTrue();
        assertThat(differs(shots.resolve("journeys.png"), shots.resolve("compare.png"))).isTrue();
    }

    @Test
    @Tag("slow") // a child JVM drawing six views, ~30 s: in the slow profile, which .ci/run runs
    void filesGivenOnTheCommandLineAreOpenedAnalysedAndShown() throws Exception {
        Path shots = dir.resolve("shots");
        Path home = dir.resolve("home");
        Files.createDirectories(home);
        Path dump = Path.of("../examples/shop.otlp.jsonl").toAbsolutePath();
        Process child = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Dglass.platform=Monocle", "-Dmonocle.platform=Headless", "-Dprism.order=sw", "-Dprism.text=t2k",
                "-Djava.awt.headless=true", "-Dsloscout.home=" + home, "-cp", System.getProperty("java.class.path"),
                "dev.sloscout.app.Main", dump.toString(), "--screenshot", shots.toString())
                .redirectErrorStream(true).redirectOutput(dir.resolve("out.txt").toFile()).start();
        assertThat(child.waitFor(150, TimeUnit.SECONDS)).as("finished").isTrue();
        String out = Files.readString(dir.resolve("out.txt"), StandardCharsets.UTF_8);
        assertThat(child.exitValue()).as(out).isZero();
        assertThat(out).contains("analysed: ").contains("49 spans").contains("6 screenshots -> " + shots);
        assertThat(Files.readString(home.resolve("workbench.json"))).as("the dump is a recent file")
                .contains("shop.otlp.jsonl");
    }

    @Test
    void theCommandLineTellsInputsFromCommands() {
        assertThat(WorkbenchLauncher.wantsGui(new String[] {"dump.jsonl"}, w -> w.equals("analyze"))).isTrue();
        assertThat(WorkbenchLauncher.wantsGui(new String[] {"analyze", "dump.jsonl"}, w -> w.equals("analyze")))
                .isFalse();
        assertThat(WorkbenchLauncher.wantsGui(new String[] {"--help"}, w -> false)).isFalse();
        assertThat(WorkbenchLauncher.wantsGui(new String[] {}, w -> false)).isTrue();
        assertThat(WorkbenchApplication.Arguments.parse(List.of("a.json", "--screenshot", "shots", "logs/")))
                .isEqualTo(new WorkbenchApplication.Arguments(false, Path.of("shots"),
                        List.of(Path.of("a.json"), Path.of("logs/"))));
        assertThat(WorkbenchApplication.Arguments.parse(List.of("file:///tmp/a%20b.json")).inputs())
                .containsExactly(Path.of("/tmp/a b.json"));
        assertThat(dev.sloscout.app.cli.SloScoutCommand.isCommand("fingerprint")).isTrue();
        assertThat(dev.sloscout.app.cli.SloScoutCommand.isCommand("shop.otlp.jsonl")).isFalse();
    }

    private static int colours(BufferedImage image) {
        Set<Integer> seen = new HashSet<>();
        for (int y = 0; y < image.getHeight(); y += 3) {
            for (int x = 0; x < image.getWidth(); x += 3) {
                seen.add(image.getRGB(x, y));
            }
        }
        return seen.size();
    }

    private static boolean differs(Path a, Path b) throws IOException {
        return !java.util.Arrays.equals(Files.readAllBytes(a), Files.readAllBytes(b));
    }
}
