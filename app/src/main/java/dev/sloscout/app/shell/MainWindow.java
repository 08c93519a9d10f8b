package dev.sloscout.app.shell;

import dev.sloscout.app.fx.Dialogs;
import dev.sloscout.app.fx.FxBackgroundTasks;
import dev.sloscout.app.fx.Tables;

import dev.sloscout.app.search.SearchViewModel;
import dev.sloscout.app.slostudio.SloStudioViewModel;
import javafx.animation.KeyFrame;
import javafx.animation.Timeline;
import javafx.beans.binding.Bindings;
import javafx.collections.ListChangeListener;
import javafx.concurrent.Task;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.CheckMenuItem;
import javafx.scene.control.Label;
import javafx.scene.control.Menu;
import javafx.scene.control.MenuBar;
import javafx.scene.control.MenuButton;
import javafx.scene.control.MenuItem;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.SeparatorMenuItem;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.control.TextField;
import javafx.scene.control.ToolBar;
import javafx.scene.input.KeyCombination;
import javafx.scene.input.TransferMode;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.util.Duration;

import java.io.File;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * The window's content: menus and shortcuts, the toolbar with the search box, the views as tabs, and a status bar
 * with the running task (progress, cancel), the task list and memory use. Holds widgets only; actions go to the
 * view models and to {@link Dialogs}.
 */
public final class MainWindow extends BorderPane {
    public static final List<String> VIEWS = List.of("journeys", "capsules", "slo-studio", "artifacts", "data-quality",
            "compare", "sources", "search");

    private final MainViewModel model;
    private final TabPane tabs = new TabPane();
    private final TextField search = new TextField();
    private final Menu recentFiles = new Menu("Recent files");
    private final Menu recentWorkspaces = new Menu("Recent workspaces");
    private final Timeline memory;

    /** What the window needs from the outside: dialogs and the feature views. */
    public record Parts(Dialogs dialogs, FxBackgroundTasks tasks, Supplier<Node> journeys, Supplier<Node> capsules,
                        Supplier<Node> studio, SloStudioViewModel studioModel, Supplier<Node> artifacts, Runnable export,
                        Supplier<Node> searchResults, SearchViewModel search, Supplier<Node> liveSources,
                        Supplier<Node> dataQuality, Supplier<Node> compare, Consumer<Boolean> darkTheme) {
    }

    public MainWindow(MainViewModel model, Parts parts) {
        this.model = model;
        setId("main-window");
        tabs.setTabClosingPolicy(TabPane.TabClosingPolicy.UNAVAILABLE);
        tabs.getTabs().addAll(tab("Journeys", "journeys", parts.journeys()), tab("Capsules", "capsules", parts.capsules()),
                tab("SLO studio", "slo-studio", parts.studio()), tab("Artifacts", "artifacts", parts.artifacts()),
                tab("Data quality", "data-quality", parts.dataQuality()), tab("Compare", "compare", parts.compare()),
                tab("Sources", "sources", () -> {
                    javafx.scene.control.SplitPane split = new javafx.scene.control.SplitPane(new SourcesView(model),
                            parts.liveSources().get());
                    split.setOrientation(javafx.geometry.Orientation.VERTICAL);
                    return split;
                }), tab("Search", "search", parts.searchResults()));
        // the first view is built right after the window's first frame
        javafx.application.Platform.runLater(() -> fill(tabs.getSelectionModel().getSelectedItem()));
        setTop(new VBox(menus(parts), toolbar(parts)));
        setCenter(tabs);
        Label memoryLabel = new Label();
        memoryLabel.setId("memory");
        memoryLabel.setTooltip(Tables.tooltip("Java heap in use / the most the heap may grow to"));
        memory = new Timeline(new KeyFrame(Duration.seconds(2), e -> memoryLabel.setText(memoryText())));
        memory.setCycleCount(Timeline.INDEFINITE);
        memory.play();
        memoryLabel.setText(memoryText());
        setBottom(statusBar(parts.tasks(), memoryLabel));
        setOnDragOver(e -> {
            if (e.getDragboard().hasFiles()) {
                e.acceptTransferModes(TransferMode.COPY);
            }
            e.consume();
        });
        setOnDragDropped(e -> {
            boolean ok = e.getDragboard().hasFiles();
            if (ok) {
                model.open(e.getDragboard().getFiles().stream().map(File::toPath).toList());
            }
            e.setDropCompleted(ok);
            e.consume();
        });
        model.settingsProperty().addListener((o, a, b) -> refreshRecent(parts));
        refreshRecent(parts);
    }

    /**
     * A tab whose view is built when the tab is first shown: the window appears before the views exist (their
     * tables, charts, styles and layouts are most of the time to a first frame).
     */
    private static Tab tab(String title, String id, Supplier<Node> content) {
        Tab tab = new Tab(title);
        tab.setId("tab-" + id);
        tab.setUserData(content);
        tab.selectedProperty().addListener((o, was, now) -> {
            if (now) {
                fill(tab);
            }
        });
        return tab;
    }

    @SuppressWarnings("unchecked")
    private static void fill(Tab tab) {
        if (tab.getContent() == null) {
            tab.setContent(((Supplier<Node>) tab.getUserData()).get());
        }
    }

    /** Shows a view by its name in {@link #VIEWS}. */
    public void show(String view) {
        tabs.getSelectionModel().select(VIEWS.indexOf(view));
    }

    public String shownView() {
        return VIEWS.get(tabs.getSelectionModel().getSelectedIndex());
    }

    private MenuBar menus(Parts parts) {
        Dialogs dialogs = parts.dialogs();
        MenuItem open = item("Open files\u2026", "Shortcut+O", () -> model.open(dialogs.chooseFiles()));
        MenuItem folder = item("Open folder\u2026", "Shortcut+Shift+O", () -> {
            Path dir = dialogs.chooseFolder("Open a folder of trace and log files");
            if (dir != null) {
                model.open(List.of(dir));
            }
        });
        MenuItem demo = item("Open the demo", "Shortcut+D", model::openDemo);
        MenuItem workspace = item("Open workspace\u2026", "Shortcut+Shift+W", () -> {
            Path base = dialogs.chooseWorkspace();
            if (base != null) {
                model.openWorkspace(base);
            }
        });
        MenuItem exit = item("Quit", "Shortcut+Q", () -> getScene().getWindow().hide());
        Menu file = new Menu("File", null, open, folder, recentFiles, demo, new SeparatorMenuItem(), workspace,
                recentWorkspaces, new SeparatorMenuItem(), exit);
        Menu view = new Menu("View");
        for (int i = 0; i < tabs.getTabs().size(); i++) {
            int index = i;
            view.getItems().add(item(tabs.getTabs().get(i).getText(), "Shortcut+" + (i + 1),
                    () -> tabs.getSelectionModel().select(index)));
        }
        CheckMenuItem dark = new CheckMenuItem("Dark theme");
        dark.setAccelerator(KeyCombination.keyCombination("Shortcut+T"));
        dark.setSelected(model.settingsProperty().get().dark());
        dark.selectedProperty().addListener((o, a, b) -> {
            model.settingsProperty().set(model.settingsProperty().get().withDark(b));
            parts.darkTheme().accept(b);
        });
        view.getItems().addAll(new SeparatorMenuItem(), dark);
        MenuItem undo = item("Undo tuning", "Shortcut+Z", parts.studioModel()::undo);
        undo.disableProperty().bind(parts.studioModel().canUndoProperty().not());
        MenuItem redo = item("Redo tuning", "Shortcut+Y", parts.studioModel()::redo);
        redo.disableProperty().bind(parts.studioModel().canRedoProperty().not());
        MenuItem find = item("Search", "Shortcut+F", () -> search.requestFocus());
        Menu edit = new Menu("Edit", null, undo, redo, new SeparatorMenuItem(), find);
        MenuItem export = item("Export bundle\u2026", "Shortcut+E", () -> {
            show("artifacts");
            parts.export().run();
        });
        MenuItem cancel = item("Cancel running tasks", "Shortcut+Period", () -> parts.tasks().tasks().forEach(FxBackgroundTasks::cancel));
        Menu tools = new Menu("Tools", null, export, cancel);
        return new MenuBar(file, edit, view, tools);
    }

    private static MenuItem item(String text, String shortcut, Runnable action) {
        MenuItem item = new MenuItem(text);
        item.setAccelerator(KeyCombination.keyCombination(shortcut));
        item.setOnAction(e -> action.run());
        return item;
    }

    private ToolBar toolbar(Parts parts) {
        Button open = new Button("Open\u2026");
        open.setId("open-files");
        open.setTooltip(Tables.tooltip("Open trace and log files (Ctrl+O); or drop files and folders on the window"));
        open.setOnAction(e -> model.open(parts.dialogs().chooseFiles()));
        Button demo = new Button("Demo");
        demo.setId("open-demo");
        demo.setTooltip(Tables.tooltip("Analyse the bundled demo shop: two weeks of traffic with two incidents (Ctrl+D)"));
        demo.setOnAction(e -> model.openDemo());
        search.setId("global-search");
        search.setPromptText("Search everything: words or a question (Ctrl+F)");
        search.setPrefWidth(420);
        search.textProperty().bindBidirectional(parts.search().queryProperty());
        search.setOnAction(e -> {
            show("search");
            parts.search().search();
        });
        CheckBox semantic = new CheckBox("by meaning");
        semantic.setId("semantic");
        semantic.selectedProperty().bindBidirectional(parts.search().semanticProperty());
        semantic.setTooltip(Tables.tooltip("Rank by meaning (local embedding model, offline) as well as by words; "
                + "off: Lucene full text only"));
        return new ToolBar(open, demo, search, semantic);
    }

    private HBox statusBar(FxBackgroundTasks tasks, Label memoryLabel) {
        Label status = new Label();
        status.setId("status");
        status.textProperty().bind(model.statusProperty());
        status.setMaxWidth(Double.MAX_VALUE);
        status.setMinWidth(120);
        HBox.setHgrow(status, Priority.ALWAYS);
        memoryLabel.setMinWidth(Region.USE_PREF_SIZE);
        ProgressBar progress = new ProgressBar();
        progress.setId("task-progress");
        progress.setPrefWidth(160);
        Label taskMessage = new Label();
        taskMessage.setMaxWidth(320);
        Button cancel = new Button("Cancel");
        cancel.setId("cancel-task");
        MenuButton list = new MenuButton("Tasks");
        list.setId("task-list");
        list.setMinWidth(Region.USE_PREF_SIZE);
        Runnable refresh = () -> {
            Task<?> running = tasks.tasks().stream().filter(Task::isRunning).findFirst().orElse(null);
            progress.progressProperty().unbind();
            taskMessage.textProperty().unbind();
            progress.setVisible(running != null);
            cancel.setVisible(running != null);
            if (running != null) {
                progress.progressProperty().bind(running.progressProperty());
                taskMessage.textProperty().bind(Bindings.concat(running.titleProperty(), ": ", running.messageProperty()));
                cancel.setOnAction(e -> FxBackgroundTasks.cancel(running));
            } else {
                taskMessage.setText("");
            }
            list.getItems().setAll(tasks.tasks().stream().map(t -> new MenuItem(String.format(Locale.ROOT, "%s - %s%s",
                    t.getTitle(), t.getState().name().toLowerCase(Locale.ROOT),
                    t.isRunning() && t.getProgress() >= 0 ? String.format(Locale.ROOT, " %.0f%%", t.getProgress() * 100) : "")))
                    .toList());
            if (list.getItems().isEmpty()) {
                list.getItems().add(new MenuItem("No tasks yet"));
            }
        };
        tasks.tasks().addListener((ListChangeListener<Task<?>>) c -> refresh.run());
        Timeline poll = new Timeline(new KeyFrame(Duration.millis(500), e -> {
            boolean shownRunning = progress.isVisible();
            boolean anyRunning = tasks.tasks().stream().anyMatch(Task::isRunning);
            if (shownRunning != anyRunning || anyRunning) {
                refresh.run();
            }
        }));
        poll.setCycleCount(Timeline.INDEFINITE);
        poll.play();
        refresh.run();
        HBox bar = new HBox(8, status, taskMessage, progress, cancel, list, memoryLabel);
        bar.setAlignment(Pos.CENTER_LEFT);
        bar.setPadding(new Insets(3, 8, 3, 8));
        bar.getStyleClass().add("status-bar");
        return bar;
    }

    static String memoryText() {
        Runtime r = Runtime.getRuntime();
        long used = (r.totalMemory() - r.freeMemory()) >> 20;
        return String.format(Locale.ROOT, "%,d / %,d MB", used, r.maxMemory() >> 20);
    }

    private void refreshRecent(Parts parts) {
        WorkbenchSettings s = model.settingsProperty().get();
        recentFiles.getItems().setAll(s.recentFiles().stream().map(f -> {
            MenuItem item = new MenuItem(f);
            item.setOnAction(e -> model.open(List.of(Path.of(f))));
            return item;
        }).toList());
        recentFiles.setDisable(s.recentFiles().isEmpty());
        recentWorkspaces.getItems().setAll(s.recentWorkspaces().stream().map(w -> {
            MenuItem item = new MenuItem(w);
            item.setOnAction(e -> model.openWorkspace(Path.of(w)));
            return item;
        }).toList());
        recentWorkspaces.setDisable(s.recentWorkspaces().isEmpty());
    }

    public void dispose() {
        memory.stop();
    }
}
