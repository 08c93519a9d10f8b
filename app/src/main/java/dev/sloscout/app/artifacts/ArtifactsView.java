package dev.sloscout.app.artifacts;

import javafx.geometry.Insets;
import javafx.geometry.Orientation;
import javafx.scene.control.Button;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.SplitPane;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.control.ToolBar;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.BorderPane;
import javafx.scene.text.Text;
import javafx.scene.text.TextFlow;

import java.util.List;
import java.util.Locale;

/** The artifacts view: bundle files, a highlighted preview, the diff against the previous export, validation, export. */
public final class ArtifactsView extends BorderPane {
    final TextFlow preview = new TextFlow();
    final TextFlow diff = new TextFlow();

    /**
     * @param export       asks the user for a folder and exports into it (with an override when the policy blocks)
     * @param choosePolicy asks the user for a policy file and checks the bundle against it
     * @param publish      asks where to publish and opens the pull request
     */
    public ArtifactsView(ArtifactsViewModel model, Runnable export, Runnable choosePolicy, Runnable publish) {
        setId("artifacts-view");
        ListView<String> files = new ListView<>(model.files());
        files.setId("artifact-files");
        files.getSelectionModel().selectedItemProperty().addListener((o, a, b) -> {
            if (b != null) {
                model.selectedProperty().set(b);
            }
        });
        model.selectedProperty().addListener((o, a, b) -> {
            if (b != null && !b.equals(files.getSelectionModel().getSelectedItem())) {
                files.getSelectionModel().select(b);
            }
        });
        if (model.selectedProperty().get() != null) {
            files.getSelectionModel().select(model.selectedProperty().get());
        }
        preview.setId("artifact-preview");
        preview.getStyleClass().add("code");
        preview.setPadding(new Insets(8));
        model.previewProperty().addListener((o, a, b) -> render(b));
        render(model.previewProperty().get());
        diff.setId("artifact-diff");
        diff.getStyleClass().add("code");
        diff.setPadding(new Insets(8));
        Label diffSummary = new Label();
        diffSummary.textProperty().bind(model.diffSummaryProperty());
        model.diffProperty().addListener((o, a, b) -> renderDiff(b));
        renderDiff(model.diffProperty().get());
        ListView<String> policyReport = new ListView<>(model.policyReport());
        policyReport.setId("policy-report");
        Label verdictDetail = new Label();
        verdictDetail.textProperty().bind(model.verdictProperty());
        verdictDetail.setPadding(new Insets(4, 6, 4, 6));
        Tab policyTab = new Tab("Policy and blast radius", new BorderPane(policyReport, verdictDetail, null, null,
                null));
        policyTab.setId("policy-tab");
        TabPane tabs = new TabPane(new Tab("Preview", new ScrollPane(preview)),
                new Tab("Diff against the previous export", new BorderPane(new ScrollPane(diff), diffSummary, null, null, null)),
                policyTab);
        tabs.setTabClosingPolicy(TabPane.TabClosingPolicy.UNAVAILABLE);
        ListView<String> validation = new ListView<>(model.validation());
        validation.setId("artifact-validation");
        SplitPane center = new SplitPane(tabs, validation);
        center.setOrientation(Orientation.VERTICAL);
        center.setDividerPositions(0.78);
        SplitPane split = new SplitPane(files, center);
        split.setDividerPositions(0.25);
        setCenter(split);

        Button validate = new Button("Validate with promtool");
        validate.setId("validate");
        validate.setOnAction(e -> model.validateWithPromtool());
        Button exportButton = new Button("Export to folder\u2026");
        exportButton.setId("export");
        exportButton.setOnAction(e -> export.run());
        Label status = new Label();
        status.setId("artifact-status");
        status.textProperty().bind(model.statusProperty());
        ChoiceBox<String> profile = new ChoiceBox<>(model.rulesProfiles());
        profile.setId("rules-profile");
        profile.setTooltip(new Tooltip("The metrics the rules, their tests and the dashboards are written for "
                + "(as analyze --rules-profile)"));
        profile.valueProperty().bindBidirectional(model.rulesProfileProperty());
        Button policy = new Button("Policy\u2026");
        policy.setId("choose-policy");
        policy.setTooltip(new Tooltip("Check the bundle against a policy file (as analyze --policy): its blast radius, "
                + "cost and rules, before anything is exported"));
        policy.setOnAction(e -> choosePolicy.run());
        Label verdict = new Label();
        verdict.setId("policy-verdict");
        verdict.textProperty().bind(model.verdictProperty());
        model.blockedProperty().addListener((o, was, now) -> markBlocked(verdict, now));
        markBlocked(verdict, model.blockedProperty().get());
        Button pullRequest = new Button("Open pull request\u2026");
        pullRequest.setId("publish");
        pullRequest.setTooltip(new Tooltip("Publish the bundle to a branch of a Git repository and open or update "
                + "its pull request (as slo-scout publish)"));
        pullRequest.setOnAction(e -> publish.run());
        setTop(new ToolBar(exportButton, pullRequest, policy, verdict, validate, new Label("Rules for"), profile));
        status.setPadding(new Insets(3, 8, 3, 8));
        setBottom(status);
    }

    private static void markBlocked(Label verdict, boolean blocked) {
        verdict.getStyleClass().remove("policy-blocked");
        if (blocked) {
            verdict.getStyleClass().add("policy-blocked");
        }
    }

    private void render(List<Highlighter.Piece> pieces) {
        preview.getChildren().setAll(pieces.stream().map(p -> {
            Text t = new Text(p.text());
            t.getStyleClass().addAll("code-text", "code-" + p.style().name().toLowerCase(Locale.ROOT));
            return t;
        }).toList());
    }

    private void renderDiff(List<LineDiff.Line> lines) {
        diff.getChildren().setAll(lines.stream().map(l -> {
            Text t = new Text((l.kind() == LineDiff.Kind.ADDED ? "+ " : l.kind() == LineDiff.Kind.REMOVED ? "- " : "  ")
                    + l.text() + "\n");
            t.getStyleClass().addAll("code-text", "diff-" + l.kind().name().toLowerCase(Locale.ROOT));
            return t;
        }).toList());
    }
}
