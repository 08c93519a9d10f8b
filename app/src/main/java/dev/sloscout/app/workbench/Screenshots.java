package dev.sloscout.app.workbench;

import dev.sloscout.app.shell.MainWindow;

import javafx.animation.PauseTransition;
import javafx.scene.Scene;
import javafx.scene.image.PixelReader;
import javafx.scene.image.WritableImage;
import javafx.util.Duration;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * Writes one PNG per main view of the real window ({@code journeys.png}, {@code capsules.png}, ...), at the window's
 * size. Each view gets a moment to lay out (the graph layout runs in its own thread) before its snapshot.
 */
final class Screenshots {
    /** Journeys, capsules, SLO studio, artifacts, data quality, compare. */
    static final List<String> VIEWS = MainWindow.VIEWS.subList(0, 6);
    private static final Duration SETTLE = Duration.seconds(2.5);

    private Screenshots() {
    }

    /** Takes the screenshots one after another on the FX thread; {@code done} gets the files (or the failure). */
    static void take(Scene scene, MainWindow window, Path folder, Consumer<List<Path>> done, Consumer<Exception> failed) {
        List<Path> written = new ArrayList<>();
        next(scene, window, folder, 0, written, done, failed);
    }

    private static void next(Scene scene, MainWindow window, Path folder, int index, List<Path> written,
                             Consumer<List<Path>> done, Consumer<Exception> failed) {
        if (index == VIEWS.size()) {
            done.accept(written);
            return;
        }
        window.show(VIEWS.get(index));
        PauseTransition pause = new PauseTransition(index == 0 ? SETTLE.multiply(2) : SETTLE);
        pause.setOnFinished(e -> {
            try {
                Files.createDirectories(folder);
                Path file = folder.resolve(VIEWS.get(index) + ".png");
                writePng(scene.snapshot(null), file);
                written.add(file);
            } catch (IOException | RuntimeException ex) {
                failed.accept(ex);
                return;
            }
            next(scene, window, folder, index + 1, written, done, failed);
        });
        pause.play();
    }

    static void writePng(WritableImage image, Path file) throws IOException {
        int w = (int) image.getWidth();
        int h = (int) image.getHeight();
        BufferedImage out = new BufferedImage(w, h, BufferedImage.TYPE_INT_ARGB);
        PixelReader pixels = image.getPixelReader();
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                out.setRGB(x, y, pixels.getArgb(x, y));
            }
        }
        if (!ImageIO.write(out, "png", file.toFile())) {
            throw new IOException(file + ": no PNG writer available");
        }
    }
}
