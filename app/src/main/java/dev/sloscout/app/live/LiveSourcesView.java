package dev.sloscout.app.live;

import dev.sloscout.app.fx.Tables;
import javafx.animation.KeyFrame;
import javafx.animation.Timeline;
import javafx.geometry.Insets;
import javafx.scene.control.Button;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.Label;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import javafx.util.Duration;

import java.util.Locale;

/** Live sources: forms to add Kafka topics or the OTLP/HTTP receiver, and a table of them with pause/resume/remove. */
public final class LiveSourcesView extends VBox {
    private final Timeline refresh;
    /** The attached cluster analysis is read again every this many refreshes (seconds). */
    private static final int CLUSTER_EVERY_TICKS = 10;
    private long ticks;

    public LiveSourcesView(LiveSourcesViewModel model) {
        super(6);
        setId("live-sources");
        setPadding(new Insets(8));
        TextField bootstrap = field("kafka-bootstrap", "127.0.0.1:9092", 16);
        TextField topics = field("kafka-topics", "otlp_spans", 14);
        topics.setText("otlp_spans");
        TextField group = field("kafka-group", "group (blank: commit nothing)", 16);
        TextField from = field("kafka-from", "earliest | latest | 2026-11-26T10:00:00Z", 16);
        Button addKafka = new Button("Add Kafka");
        addKafka.setId("add-kafka");
        addKafka.setTooltip(Tables.tooltip("Consume OTLP (proto or JSON, as the Collector's Kafka exporter writes it), "
                + "Jaeger or Zipkin records; the encoding is detected per record"));
        ChoiceBox<String> protocol = new ChoiceBox<>(javafx.collections.FXCollections.observableArrayList("", "PLAINTEXT",
                "SSL", "SASL_PLAINTEXT", "SASL_SSL"));
        protocol.setId("kafka-protocol");
        protocol.setTooltip(Tables.tooltip("Security protocol (blank: the client's default, PLAINTEXT)"));
        ChoiceBox<String> mechanism = new ChoiceBox<>(javafx.collections.FXCollections.observableArrayList("", "PLAIN",
                "SCRAM-SHA-256", "SCRAM-SHA-512"));
        mechanism.setId("kafka-sasl");
        mechanism.setTooltip(Tables.tooltip("SASL mechanism; the password is read from the environment variable "
                + "SLO_SCOUT_KAFKA_PASSWORD, never typed here"));
        TextField user = field("kafka-user", "SASL user", 10);
        TextField truststore = field("kafka-truststore", "truststore file (TLS)", 16);
        addKafka.setOnAction(e -> model.addKafka(bootstrap.getText(), topics.getText(), group.getText(), from.getText(),
                protocol.getValue(), mechanism.getValue(), user.getText(), truststore.getText()));
        TextField listen = field("receiver-listen", "127.0.0.1:4318", 14);
        listen.setText("127.0.0.1:4318");
        Button addReceiver = new Button("Start OTLP/HTTP receiver");
        addReceiver.setId("add-receiver");
        addReceiver.setTooltip(Tables.tooltip("Accept POST /v1/traces and /v1/logs (protobuf or JSON, gzip) from an "
                + "application or Collector; loopback only unless you give another address"));
        addReceiver.setOnAction(e -> model.addReceiver(listen.getText()));

        TextField prometheus = field("prometheus-url", "http://127.0.0.1:9090", 18);
        TextField range = field("prometheus-range", "14d", 5);
        range.setText("14d");
        Button addPrometheus = new Button("Add Prometheus");
        addPrometheus.setId("add-prometheus");
        addPrometheus.setTooltip(Tables.tooltip("Find SLI candidates in what the server already stores (histograms, "
                + "counters with a status label), with proposals from their history over the range; re-read every minute"));
        addPrometheus.setOnAction(e -> model.addPrometheus(prometheus.getText(), range.getText()));
        TextField clusterBootstrap = field("cluster-bootstrap", "127.0.0.1:9092", 16);
        TextField clusterPrefix = field("cluster-prefix", "slo-scout.", 10);
        clusterPrefix.setText("slo-scout.");
        Button attach = new Button("Attach");
        attach.setId("attach-cluster");
        attach.setTooltip(Tables.tooltip("Show what a stream job (slo-scout stream) found, read from its output "
                + "topics every 10 s: journeys, histories and SLI candidates, tuned and exported as a local analysis; "
                + "security as set for Kafka above"));
        attach.setOnAction(e -> model.attachCluster(clusterBootstrap.getText(), clusterPrefix.getText(),
                protocol.getValue(), mechanism.getValue(), user.getText(), truststore.getText()));
        Button detach = new Button("Detach");
        detach.setId("detach-cluster");
        detach.setOnAction(e -> model.detachCluster());
        Label clusterStatus = new Label();
        clusterStatus.setId("cluster-status");
        clusterStatus.setWrapText(true);
        clusterStatus.textProperty().bind(model.clusterStatusProperty());
        TableView<LiveSourcesViewModel.Row> table = new TableView<>(model.rows());
        table.setId("live-table");
        table.getColumns().add(Tables.column("Live source", "Where the data comes from", LiveSourcesViewModel.Row::name,
                s -> s, 340));
        table.getColumns().add(Tables.column("State", "What the source is doing right now", LiveSourcesViewModel.Row::state,
                s -> s, 260));
        table.getColumns().add(Tables.column("Rate", "Records (Kafka), requests (OTLP/HTTP) or discovery rounds "
                + "(Prometheus) per second, over the last second", LiveSourcesViewModel.Row::rate, LiveSourcesViewModel::describeRate, 80));
        table.getColumns().add(Tables.column("Received", "Records or requests so far", LiveSourcesViewModel.Row::received,
                v -> String.format(Locale.ROOT, "%,d", v), 90));
        table.getColumns().add(Tables.column("Lag", "Kafka: records on the broker not read yet plus the local queue; "
                + "receiver: requests waiting in the queue", LiveSourcesViewModel.Row::lag,
                v -> v < 0 ? "-" : String.format(Locale.ROOT, "%,d", v), 80));
        table.getColumns().add(Tables.column("Errors", "Records or requests that could not be used, and 429 refusals",
                LiveSourcesViewModel.Row::errors, v -> String.format(Locale.ROOT, "%,d", v), 70));
        table.setPlaceholder(new Label("No live sources."));
        table.setPrefHeight(160);
        Button pause = new Button("Pause");
        pause.setId("pause-live");
        pause.setOnAction(e -> selected(table, model::pause));
        Button resume = new Button("Resume");
        resume.setOnAction(e -> selected(table, model::resume));
        Button remove = new Button("Remove");
        remove.setOnAction(e -> selected(table, model::remove));
        Label status = new Label();
        status.setId("live-status");
        status.setWrapText(true);
        status.textProperty().bind(model.statusProperty());
        HBox kafkaRow = new HBox(6, new Label("Kafka"), bootstrap, topics, group, from, addKafka);
        HBox kafkaSecurityRow = new HBox(6, new Label("      security"), protocol, mechanism, user, truststore);
        kafkaSecurityRow.setAlignment(javafx.geometry.Pos.CENTER_LEFT);
        HBox receiverRow = new HBox(6, new Label("OTLP/HTTP"), listen, addReceiver);
        HBox prometheusRow = new HBox(6, new Label("Prometheus"), prometheus, new Label("range"), range, addPrometheus);
        prometheusRow.setAlignment(javafx.geometry.Pos.CENTER_LEFT);
        kafkaRow.setAlignment(javafx.geometry.Pos.CENTER_LEFT);
        receiverRow.setAlignment(javafx.geometry.Pos.CENTER_LEFT);
        HBox clusterRow = new HBox(6, new Label("Cluster analysis"), clusterBootstrap, new Label("output prefix"),
                clusterPrefix, attach, detach);
        clusterRow.setAlignment(javafx.geometry.Pos.CENTER_LEFT);
        getChildren().addAll(new Label("Live sources"), kafkaRow, kafkaSecurityRow, receiverRow, prometheusRow,
                clusterRow, clusterStatus, table, new HBox(6, pause, resume, remove), status);
        VBox.setVgrow(table, Priority.ALWAYS);
        refresh = new Timeline(new KeyFrame(Duration.seconds(1), e -> {
            model.refresh();
            if (++ticks % CLUSTER_EVERY_TICKS == 0) {
                model.readCluster();
            }
        }));
        refresh.setCycleCount(Timeline.INDEFINITE);
        refresh.play();
    }

    private static TextField field(String id, String prompt, int columns) {
        TextField f = new TextField();
        f.setId(id);
        f.setPromptText(prompt);
        f.setPrefColumnCount(columns);
        return f;
    }

    private static void selected(TableView<LiveSourcesViewModel.Row> table,
                                 java.util.function.Consumer<LiveSourcesViewModel.Row> action) {
        LiveSourcesViewModel.Row row = table.getSelectionModel().getSelectedItem();
        if (row == null && table.getItems().size() == 1) {
            row = table.getItems().get(0);
        }
        if (row != null) {
            action.accept(row);
        }
    }

    public void dispose() {
        refresh.stop();
    }
}
