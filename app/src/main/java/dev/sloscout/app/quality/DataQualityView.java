package dev.sloscout.app.quality;

import dev.sloscout.app.fx.Tables;
import javafx.geometry.Insets;
import javafx.geometry.Orientation;
import javafx.scene.control.Hyperlink;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.SplitPane;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;

import java.util.Locale;
import java.util.function.Consumer;

/** How far the data can be trusted: per service a score bar and the ratios behind it; below, what to fix first. */
public final class DataQualityView extends BorderPane {
    /**
     * @param openTrace   shows a trace a recommendation names as evidence (its waterfall)
     * @param openCapsule shows a capsule a recommendation names
     */
    public DataQualityView(DataQualityViewModel model, Consumer<String> openTrace, Consumer<String> openCapsule) {
        setId("data-quality-view");
        Label summary = new Label();
        summary.setId("data-quality-summary");
        summary.textProperty().bind(model.summaryProperty());
        summary.setPadding(new Insets(6));
        setTop(summary);

        TableView<DataQualityViewModel.Row> table = new TableView<>(model.rows());
        table.setId("data-quality-table");
        table.getColumns().add(Tables.column("Service", "The service measured", DataQualityViewModel.Row::service,
                s -> s, 160));
        TableColumn<DataQualityViewModel.Row, Integer> score = new TableColumn<>("Score");
        score.setCellValueFactory(r -> new javafx.beans.property.ReadOnlyObjectWrapper<>(r.getValue().score()));
        score.setCellFactory(c -> new ScoreCell());
        score.setPrefWidth(150);
        table.getColumns().add(score);
        table.getColumns().add(share("Status", "Spans with an OTel status, HTTP or gRPC status code",
                DataQualityViewModel.Row::status));
        table.getColumns().add(share("Parent present", "Spans whose parent is in the data (context propagation)",
                DataQualityViewModel.Row::context));
        table.getColumns().add(share("http.route", "HTTP server spans with http.route",
                DataQualityViewModel.Row::route));
        table.getColumns().add(share("Calls answered", "Client calls answered by a server span of the callee",
                DataQualityViewModel.Row::pairing));
        table.getColumns().add(share("Logs with trace id", "Log records carrying a trace id",
                DataQualityViewModel.Row::logTrace));
        table.getColumns().add(Tables.column("Clock skew p99", "How far server spans stick out of their callers' "
                + "client spans, 99th percentile", DataQualityViewModel.Row::skewP99Ms,
                v -> Double.isNaN(v) ? "-" : String.format(Locale.ROOT, "%.1f ms", v), 110));
        table.getColumns().add(Tables.column("Counts", "Each ratio with its counts", DataQualityViewModel.Row::detail,
                s -> s, 420));
        table.setPlaceholder(new Label("No data measured yet"));

        ListView<DataQualityViewModel.Recommendation> recommendations = new ListView<>(model.recommendations());
        recommendations.setId("data-quality-recommendations");
        recommendations.setPlaceholder(new Label("Nothing to fix: every measured ratio is above its mark"));
        recommendations.setCellFactory(l -> new RecommendationCell(openTrace, openCapsule));
        Label heading = new Label("What to fix first");
        heading.setPadding(new Insets(4, 6, 4, 6));
        BorderPane lower = new BorderPane(recommendations, heading, null, null, null);
        SplitPane split = new SplitPane(table, lower);
        split.setOrientation(Orientation.VERTICAL);
        split.setDividerPositions(0.55);
        setCenter(split);
    }

    private static TableColumn<DataQualityViewModel.Row, Double> share(String title, String explanation,
            java.util.function.Function<DataQualityViewModel.Row, Double> value) {
        return Tables.column(title, explanation, value,
                v -> Double.isNaN(v) ? "-" : String.format(Locale.ROOT, "%.1f%%", 100 * v), 110);
    }

    /** A recommendation's text, wrapped, and a link to each trace or capsule that shows it. */
    private static final class RecommendationCell extends ListCell<DataQualityViewModel.Recommendation> {
        private final Consumer<String> openTrace;
        private final Consumer<String> openCapsule;

        RecommendationCell(Consumer<String> openTrace, Consumer<String> openCapsule) {
            this.openTrace = openTrace;
            this.openCapsule = openCapsule;
            setPrefWidth(0);
        }

        @Override
        protected void updateItem(DataQualityViewModel.Recommendation item, boolean empty) {
            super.updateItem(item, empty);
            if (empty || item == null) {
                setGraphic(null);
                setText(null);
                return;
            }
            Label text = new Label(item.text());
            text.setWrapText(true);
            text.setMinHeight(javafx.scene.layout.Region.USE_PREF_SIZE);
            FlowPane links = new FlowPane(4, 0);
            if (!item.traces().isEmpty()) {
                links.getChildren().add(new Label("Evidence:"));
                item.traces().forEach(id -> links.getChildren().add(link("trace " + shortId(id),
                        () -> openTrace.accept(id))));
            }
            if (!item.capsules().isEmpty()) {
                links.getChildren().add(new Label(item.traces().isEmpty() ? "Capsules:" : "capsules:"));
                item.capsules().stream().limit(5).forEach(id -> links.getChildren().add(link("capsule "
                        + shortId(id), () -> openCapsule.accept(id))));
                if (item.capsules().size() > 5) {
                    links.getChildren().add(new Label("and " + (item.capsules().size() - 5) + " more"));
                }
            }
            VBox box = new VBox(2, text);
            if (!links.getChildren().isEmpty()) {
                box.getChildren().add(links);
            }
            text.maxWidthProperty().bind(getListView().widthProperty().subtract(40));
            text.prefWidthProperty().bind(getListView().widthProperty().subtract(40));
            setText(null);
            setGraphic(box);
        }

        private static Hyperlink link(String label, Runnable action) {
            Hyperlink link = new Hyperlink(label);
            link.getStyleClass().add("evidence-link");
            link.setOnAction(e -> action.run());
            return link;
        }

        private static String shortId(String id) {
            return id.length() > 12 ? id.substring(0, 12) + "\u2026" : id;
        }
    }

    /** The score as a bar and a number. */
    private static final class ScoreCell extends TableCell<DataQualityViewModel.Row, Integer> {
        private final ProgressBar bar = new ProgressBar();
        private final Label number = new Label();
        private final HBox box = new HBox(6, bar, number);

        ScoreCell() {
            bar.setPrefWidth(90);
        }

        @Override
        protected void updateItem(Integer score, boolean empty) {
            super.updateItem(score, empty);
            if (empty || score == null) {
                setGraphic(null);
                return;
            }
            bar.setProgress(score / 100.0);
            number.setText(String.valueOf(score));
            setGraphic(box);
        }
    }
}
