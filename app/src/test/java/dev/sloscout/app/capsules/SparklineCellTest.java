package dev.sloscout.app.capsules;

import javafx.scene.canvas.Canvas;
import javafx.scene.image.WritableImage;
import javafx.scene.paint.Color;
import javafx.stage.Stage;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;
import static org.assertj.core.api.Assertions.assertThat;

/** A capsule's counts over time, drawn: one bucket (a short dump) still shows. */
@ExtendWith(ApplicationExtension.class)
@Tag("integration")
class SparklineCellTest {

    @Start
    void start(Stage stage) {
        stage.show();
    }

    @Test
    void oneBucketIsADotInTheMiddle() throws Exception {
        assertThat(paintedAtMiddle(new long[] {600})).as("one bucket").isTrue();
    }

    @Test
    void aFlatLineOfSeveralBucketsIsDrawnAtThePeak() throws Exception {
        assertThat(paintedAtMiddle(new long[] {0, 0, 0})).as("a zero line lies at the bottom").isFalse();
    }

    /** Whether the cell's canvas has ink at its centre. */
    private static boolean paintedAtMiddle(long[] values) throws Exception {
        return WaitForAsyncUtils.asyncFx(() -> {
            SparklineCell cell = new SparklineCell();
            cell.updateItem(values, false);
            Canvas canvas = (Canvas) cell.getGraphic();
            WritableImage image = canvas.snapshot(null, null);
            Color centre = image.getPixelReader().getColor((int) canvas.getWidth() / 2, (int) canvas.getHeight() / 2);
            return centre.getOpacity() > 0.5 && centre.getBlue() > centre.getRed();
        }).get();
    }
}
