package dev.sloscout.app.advisor;

import dev.sloscout.app.fx.Tables;
import dev.sloscout.assist.advisor.Advice;
import dev.sloscout.assist.advisor.Advisor;
import javafx.geometry.Insets;
import javafx.scene.control.Button;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.PasswordField;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.scene.control.TitledPane;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import javafx.util.StringConverter;

import java.util.Locale;

/** The advisor in the SLO studio: settings, what would be sent, the answer, and suggestions to accept or reject. */
public final class AdvisorPanel extends VBox {
    public AdvisorPanel(AdvisorViewModel model) {
        super(8);
        setId("advisor-panel");
        setPadding(new Insets(8));
        TextField endpoint = new TextField();
        endpoint.setId("advisor-endpoint");
        endpoint.setPromptText("off; e.g. http://127.0.0.1:11434/v1 (Ollama) or https://api.openai.com/v1");
        endpoint.textProperty().bindBidirectional(model.endpointProperty());
        TextField modelName = new TextField();
        modelName.textProperty().bindBidirectional(model.modelProperty());
        TextField timeout = new TextField();
        timeout.setPrefColumnCount(4);
        timeout.textProperty().bindBidirectional(model.timeoutSecondsProperty());
        TextField keyFile = new TextField();
        keyFile.textProperty().bindBidirectional(model.keyFileProperty());
        PasswordField key = new PasswordField();
        key.setPromptText("paste to store it in the key file (owner-only); never shown again");
        Button save = new Button("Save settings");
        save.setOnAction(e -> {
            model.saveSettings(key.getText());
            key.clear();
        });
        GridPane settings = new GridPane();
        settings.setHgap(6);
        settings.setVgap(4);
        settings.addRow(0, new Label("Endpoint"), endpoint);
        settings.addRow(1, new Label("Model"), modelName);
        settings.addRow(2, new Label("Timeout (s)"), timeout);
        settings.addRow(3, new Label("Key file"), keyFile);
        settings.addRow(4, new Label("API key"), key);
        settings.add(save, 1, 5);
        GridPane.setHgrow(endpoint, Priority.ALWAYS);
        TitledPane settingsPane = new TitledPane("Settings (optional: offline, the engine answers)", settings);
        settingsPane.setExpanded(false);

        ChoiceBox<Advisor.Task> task = new ChoiceBox<>();
        task.getItems().setAll(Advisor.Task.values());
        task.valueProperty().bindBidirectional(model.taskProperty());
        task.setConverter(new StringConverter<>() {
            @Override
            public String toString(Advisor.Task t) {
                return t == null ? "" : switch (t) {
                    case EXPLAIN_JOURNEY -> "Explain the journey";
                    case PROPOSE_SLOS -> "Propose SLOs";
                    case DRAFT_TRIAGE -> "Draft runbook triage";
                };
            }

            @Override
            public Advisor.Task fromString(String s) {
                return null;
            }
        });
        Button preview = new Button("Show what would be sent");
        preview.setId("advisor-preview");
        preview.setOnAction(e -> model.preview());
        Button ask = new Button("Ask");
        ask.setId("advisor-ask");
        ask.setDefaultButton(false);
        ask.setOnAction(e -> model.ask());
        TextArea outbound = new TextArea();
        outbound.setId("advisor-outbound");
        outbound.setEditable(false);
        outbound.setWrapText(true);
        outbound.setPrefRowCount(6);
        outbound.textProperty().bind(model.outboundProperty());
        outbound.setTooltip(Tables.tooltip("Exactly what leaves the machine: redacted with the capsule rules, cut to the size limit"));
        TextArea answer = new TextArea();
        answer.setId("advisor-answer");
        answer.setEditable(false);
        answer.setWrapText(true);
        answer.setPrefRowCount(6);
        answer.textProperty().bind(model.answerProperty());
        ListView<AdvisorViewModel.SuggestionRow> suggestions = new ListView<>(model.suggestions());
        suggestions.setId("advisor-suggestions");
        suggestions.setPrefHeight(200);
        suggestions.setCellFactory(list -> new ListCell<>() {
            @Override
            protected void updateItem(AdvisorViewModel.SuggestionRow row, boolean empty) {
                super.updateItem(row, empty);
                if (empty || row == null) {
                    setGraphic(null);
                    setText(null);
                    return;
                }
                Label headline = new Label(row.headline() + "  [" + row.suggestion().verdict().name().toLowerCase(Locale.ROOT)
                        + (row.state().equals("open") ? "" : ", " + row.state()) + "]");
                headline.setStyle("-fx-font-weight: bold;");
                Label reason = new Label(row.suggestion().reason() + (row.suggestion().check() == null ? ""
                        : "\nCheck: " + row.suggestion().check()));
                reason.setWrapText(true);
                reason.setMaxWidth(300);
                Button accept = new Button("Accept");
                accept.getStyleClass().add("accept-suggestion");
                accept.setDisable(!row.acceptable());
                if (row.suggestion().verdict() == Advice.Verdict.CONTRADICTED) {
                    accept.setTooltip(Tables.tooltip("The history contradicts this objective: it would have been violated"));
                }
                accept.setOnAction(e -> model.accept(row));
                Button reject = new Button("Reject");
                reject.setDisable(!row.state().equals("open"));
                reject.setOnAction(e -> model.reject(row));
                setText(null);
                setGraphic(new VBox(2, headline, reason, new HBox(6, accept, reject)));
            }
        });
        Label status = new Label();
        status.setId("advisor-status");
        status.setWrapText(true);
        status.textProperty().bind(model.statusProperty());
        task.setMaxWidth(Double.MAX_VALUE);
        getChildren().addAll(settingsPane, task, new HBox(6, preview, ask), status, new Label("What would be sent"), outbound,
                new Label("Answer"), answer, new Label("Suggestions"), suggestions);
        VBox.setVgrow(suggestions, Priority.ALWAYS);
    }
}
