package dev.sloscout.app.fx;

import javafx.application.Platform;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.concurrent.Task;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;

/**
 * The workbench's one task executor: a small pool of daemon threads running {@link Task}s. Running and recent tasks
 * are listed (for the task list and the status bar); results come back on the FX thread in one piece.
 */
public final class FxBackgroundTasks implements BackgroundTasks, AutoCloseable {
    private static final int KEEP_FINISHED = 20;

    private final ExecutorService pool;
    private final ObservableList<Task<?>> tasks = FXCollections.observableArrayList();

    public FxBackgroundTasks(int threads) {
        AtomicInteger n = new AtomicInteger();
        ThreadFactory factory = r -> {
            Thread t = new Thread(r, "workbench-task-" + n.incrementAndGet());
            t.setDaemon(true);
            t.setPriority(Thread.NORM_PRIORITY - 1);
            return t;
        };
        this.pool = Executors.newFixedThreadPool(threads, factory);
    }

    /** Running and recently finished tasks, newest first; read on the FX thread. */
    public ObservableList<Task<?>> tasks() {
        return tasks;
    }

    @Override
    public <T> void submit(String title, Work<T> work, Consumer<T> onDone, Consumer<Throwable> onFailed) {
        Task<T> task = new Task<>() {
            @Override
            protected T call() throws Exception {
                updateTitle(title);
                updateMessage("waiting");
                Progress progress = new Progress() {
                    @Override
                    public void update(double fraction, String message) {
                        updateProgress(fraction < 0 ? -1 : fraction, 1);
                        updateMessage(message);
                    }

                    @Override
                    public boolean cancelled() {
                        return isCancelled();
                    }
                };
                T result;
                try {
                    result = work.run(progress);
                } catch (Exception e) {
                    if (isCancelled()) { // a cancelled Task reports nothing itself: say what went wrong anyway
                        Platform.runLater(() -> onFailed.accept(e));
                    }
                    throw e;
                }
                if (isCancelled()) { // work that stops early hands over what it did (an analysis of what was read)
                    Platform.runLater(() -> onDone.accept(result));
                }
                updateProgress(1, 1);
                updateMessage(isCancelled() ? "cancelled" : "done");
                return result;
            }
        };
        task.setOnSucceeded(e -> onDone.accept(task.getValue()));
        task.setOnFailed(e -> onFailed.accept(task.getException()));
        Runnable list = () -> {
            tasks.add(0, task);
            while (tasks.size() > KEEP_FINISHED && !tasks.get(tasks.size() - 1).isRunning()) {
                tasks.remove(tasks.size() - 1);
            }
        };
        if (Platform.isFxApplicationThread()) {
            list.run();
        } else {
            Platform.runLater(list);
        }
        try {
            pool.execute(task);
        } catch (RejectedExecutionException closed) {
            // closed: a task that finished as the window closed may still ask for another; it does not start
            task.cancel(false);
        }
    }

    /**
     * Asks a task to stop without interrupting its thread: work checks {@link Progress#cancelled()} and hands over what
     * it did (an interrupt would close the file channel it is reading and turn a cancel into a read error).
     */
    public static void cancel(Task<?> task) {
        task.cancel(false);
    }

    /**
     * Cancels every task without interrupting it (an interrupt in the middle of a workspace write closes the index's
     * file channels and leaves a batch stored but not searchable) and accepts no more: a task submitted after is listed
     * cancelled and never runs; {@link #awaitIdle} waits for the running ones to hand over.
     */
    @Override
    public void close() {
        tasks.forEach(FxBackgroundTasks::cancel);
        pool.shutdown();
    }

    /** Waits, off the FX thread, until the tasks running at {@link #close} have ended; false on timeout. */
    public boolean awaitIdle(java.time.Duration timeout) throws InterruptedException {
        return pool.awaitTermination(timeout.toMillis(), java.util.concurrent.TimeUnit.MILLISECONDS);
    }
}
