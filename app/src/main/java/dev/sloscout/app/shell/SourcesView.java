package dev.sloscout.app.shell;

import dev.sloscout.app.fx.Tables;

import javafx.scene.control.Label;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.cell.ProgressBarTableCell;

/** The sources being read or read: kind, detected format, state, progress and what each yielded. */
final class SourcesView extends TableView<SourceRow> {
    SourcesView(MainViewModel model) {
        super(model.sources());
        setId("sources-table");
        getColumns().add(Tables.column("Source", "The file, folder or generator", SourceRow::name, s -> s, 420));
        getColumns().add(Tables.column("Kind", "traces or logs (decided by content, not by name)", SourceRow::kind, s -> s, 80));
        getColumns().add(Tables.column("Format", "The format detected from the first bytes", SourceRow::format, s -> s, 170));
        getColumns().add(Tables.column("State", "waiting, reading, done, problems (some records rejected; the rest was "
                + "read), failed or cancelled", SourceRow::state, s -> s, 90));
        TableColumn<SourceRow, Double> progress = Tables.column("Progress", "Share of the file read (compressed bytes)",
                SourceRow::progress, v -> "", 140);
        progress.setCellFactory(ProgressBarTableCell.forTableColumn());
        getColumns().add(progress);
        getColumns().add(Tables.column("Read", "Spans or log events read, and records that could not be used",
                SourceRow::yield, s -> s, 220));
        getColumns().add(Tables.column("Times placed", "Times the source wrote without a year or a date, and where "
                + "they were placed: counting back from when the file was last written, so a copied file's dates are "
                + "off", SourceRow::times, s -> s, 420));
        setPlaceholder(new Label("No sources yet. Drop files or folders on the window, or use File > Open."));
    }
}
