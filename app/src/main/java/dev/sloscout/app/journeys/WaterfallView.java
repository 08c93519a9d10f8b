package dev.sloscout.app.journeys;

import javafx.geometry.VPos;
import javafx.scene.canvas.Canvas;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.layout.Pane;
import javafx.scene.paint.Color;
import javafx.scene.text.Font;
import javafx.scene.text.TextAlignment;

import java.util.Locale;

/** Draws a {@link Waterfall}: one bar per span, indented by depth, on a shared time axis; failed spans in red. */
final class WaterfallView extends Pane {
    static final double ROW = 20;
    private static final double LABEL_WIDTH = 320;
    private final Canvas canvas = new Canvas();
    private Waterfall waterfall;

    WaterfallView() {
        getChildren().add(canvas);
        widthProperty().addListener((o, a, b) -> draw());
        getStyleClass().add("waterfall");
    }

    void show(Waterfall w) {
        this.waterfall = w;
        setPrefHeight(w == null ? ROW * 2 : ROW * (w.rows().size() + 2));
        draw();
    }

    private void draw() {
        double width = Math.max(LABEL_WIDTH + 100, getWidth());
        double height = waterfall == null ? ROW * 2 : ROW * (waterfall.rows().size() + 2);
        canvas.setWidth(width);
        canvas.setHeight(height);
        GraphicsContext g = canvas.getGraphicsContext2D();
        g.clearRect(0, 0, width, height);
        Color text = Color.web("#57606a");
        g.setFont(Font.font(12));
        g.setTextBaseline(VPos.CENTER);
        if (waterfall == null) {
            g.setFill(text);
            g.fillText("Select a sample trace to see its waterfall.", 8, ROW);
            return;
        }
        double total = Math.max(waterfall.totalMs(), 0.001);
        double barWidth = width - LABEL_WIDTH - 70;
        g.setFill(text);
        g.fillText(String.format(Locale.ROOT, "trace %s  -  %.1f ms, %d spans", waterfall.traceId(), waterfall.totalMs(),
                waterfall.rows().size()), 8, ROW / 2 + 2);
        for (int i = 0; i < waterfall.rows().size(); i++) {
            Waterfall.Row r = waterfall.rows().get(i);
            double y = ROW * (i + 1.5);
            g.setFill(r.error() ? Color.web("#cf222e") : text);
            g.setTextAlign(TextAlignment.LEFT);
            String label = r.service() + "  " + r.name();
            g.fillText(label.length() > 48 ? label.substring(0, 47) + "\u2026" : label, 8 + Math.min(r.depth(), 12) * 10, y);
            double x0 = LABEL_WIDTH + r.startMs() / total * barWidth;
            double w = Math.max(2, r.durationMs() / total * barWidth);
            g.setFill(r.error() ? Color.web("#cf222e") : Color.web("#4a78c2"));
            g.fillRoundRect(x0, y - ROW * 0.35, w, ROW * 0.7, 4, 4);
            g.setFill(text);
            g.fillText(String.format(Locale.ROOT, "%.1f ms", r.durationMs()), Math.min(x0 + w + 4, width - 64), y);
        }
    }
}
