package dev.sloscout.app.capsules;

import javafx.scene.canvas.Canvas;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.control.TableCell;
import javafx.scene.control.Tooltip;
import javafx.scene.paint.Color;

/** Counts over time as a small line, scaled to the capsule's own peak. */
final class SparklineCell extends TableCell<CapsuleRow, long[]> {
    private static final double WIDTH = 110;
    private static final double HEIGHT = 18;
    private final Canvas canvas = new Canvas(WIDTH, HEIGHT);

    @Override
    protected void updateItem(long[] values, boolean empty) {
        super.updateItem(values, empty);
        if (empty || values == null || values.length == 0) {
            setGraphic(null);
            setTooltip(null);
            return;
        }
        GraphicsContext g = canvas.getGraphicsContext2D();
        g.clearRect(0, 0, WIDTH, HEIGHT);
        long max = 1;
        for (long v : values) {
            max = Math.max(max, v);
        }
        g.setStroke(Color.web("#4a78c2"));
        g.setLineWidth(1.2);
        g.beginPath();
        for (int i = 0; i < values.length; i++) {
            double x = values.length == 1 ? WIDTH / 2 : i * (WIDTH - 2) / (values.length - 1) + 1;
            double y = HEIGHT - 2 - (HEIGHT - 4) * values[i] / max;
            if (i == 0) {
                g.moveTo(x, y);
            } else {
                g.lineTo(x, y);
            }
        }
        g.stroke();
        if (values.length == 1) { // a path of one point draws nothing: one bucket is a dot
            g.setFill(Color.web("#4a78c2"));
            g.fillOval(WIDTH / 2 - 2.5, HEIGHT / 2 - 2.5, 5, 5);
        }
        setGraphic(canvas);
        setTooltip(new Tooltip("Events per time bucket, " + values.length
                + (values.length == 1 ? " bucket" : " buckets") + ", peak " + max));
    }
}
