package dev.sloscout.app.gui;

import dev.sloscout.app.Version;
import javafx.application.Application;
import javafx.geometry.Insets;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.layout.VBox;
import javafx.stage.Stage;

/**
 * The workbench window. For now a shell that shows the product and version: the views (journeys, capsules, SLO
 * studio, artifacts) arrive with the workbench issue.
 */
public final class WorkbenchApplication extends Application {

    @Override
    public void start(Stage stage) {
        Label title = new Label("SLO-Scout Workbench " + Version.current());
        title.setStyle("-fx-font-size: 20px; -fx-font-weight: bold;");
        Label hint = new Label("The workbench views are not built yet. The headless CLI works: slo-scout --help");
        VBox root = new VBox(12, title, hint);
        root.setPadding(new Insets(24));
        stage.setTitle("SLO-Scout Workbench");
        stage.setScene(new Scene(root, 720, 240));
        stage.show();
    }
}
