package dev.sloscout.app.fx;

import javafx.application.Platform;
import javafx.geometry.Pos;
import javafx.scene.control.Alert;
import javafx.scene.control.TextArea;
import javafx.stage.Window;
import javafx.util.Duration;
import org.controlsfx.control.action.Action;
import org.controlsfx.control.Notifications;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.function.Supplier;

/** Notifications in the window's corner (ControlsFX), with a "Details" action opening the full text. */
public final class ControlsFxNotifier implements Notifier {
    private static final Logger LOG = LoggerFactory.getLogger(ControlsFxNotifier.class);
    private final Supplier<Window> owner;

    public ControlsFxNotifier(Supplier<Window> owner) {
        this.owner = owner;
    }

    @Override
    public void info(String title, String text) {
        show(title, text, null, Kind.INFO);
    }

    @Override
    public void warning(String title, String text, String details) {
        LOG.warn("{}: {}", title, text);
        show(title, text, details, Kind.WARNING);
    }

    @Override
    public void error(String title, String text, Throwable details) {
        LOG.error("{}: {}", title, text, details);
        show(title, text, details == null ? null : stackTrace(details), Kind.ERROR);
    }

    private enum Kind { INFO, WARNING, ERROR }

    private void show(String title, String text, String details, Kind kind) {
        Runnable show = () -> {
            Window window = owner.get();
            if (window == null || !window.isShowing()) {
                return;
            }
            Notifications n = Notifications.create().title(title).text(text).owner(window).position(Pos.BOTTOM_RIGHT)
                    .hideAfter(Duration.seconds(kind == Kind.INFO ? 5 : 12));
            if (details != null && !details.isBlank()) {
                n = n.action(new Action("Details", e -> showDetails(title, text, details)));
            }
            switch (kind) {
                case INFO -> n.showInformation();
                case WARNING -> n.showWarning();
                case ERROR -> n.showError();
            }
        };
        if (Platform.isFxApplicationThread()) {
            show.run();
        } else {
            Platform.runLater(show);
        }
    }

    private void showDetails(String title, String text, String details) {
        Alert alert = new Alert(Alert.AlertType.INFORMATION);
        alert.initOwner(owner.get());
        alert.setTitle(title);
        alert.setHeaderText(text);
        TextArea area = new TextArea(details);
        area.setEditable(false);
        area.setWrapText(false);
        area.setPrefSize(760, 380);
        alert.getDialogPane().setContent(area);
        alert.setResizable(true);
        alert.show();
    }

    /** The exception, its causes and where each was thrown, as text for the details dialog. */
    static String stackTrace(Throwable t) {
        StringBuilder out = new StringBuilder();
        for (Throwable at = t; at != null; at = at.getCause() == at ? null : at.getCause()) {
            out.append(at == t ? "" : "Caused by: ").append(at).append('\n');
            for (StackTraceElement e : at.getStackTrace()) {
                out.append("    at ").append(e).append('\n');
            }
        }
        return out.toString();
    }
}
