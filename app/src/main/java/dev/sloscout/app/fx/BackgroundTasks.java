package dev.sloscout.app.fx;

import java.util.function.Consumer;

/**
 * Runs long work away from the FX thread. View models submit through this interface only: the workbench runs the
 * work as a cancellable {@code javafx.concurrent.Task} with progress ({@link FxBackgroundTasks}); tests run it on the
 * calling thread. {@code onDone} and {@code onFailed} are called where views may be updated (the FX thread).
 */
public interface BackgroundTasks {

    <T> void submit(String title, Work<T> work, Consumer<T> onDone, Consumer<Throwable> onFailed);

    /** Work with progress and cooperative cancellation. */
    @FunctionalInterface
    interface Work<T> {
        T run(Progress progress) throws Exception;
    }

    /** What work tells (and asks) the task it runs in; thread-safe. */
    interface Progress {
        /** @param fraction 0..1, or negative for "unknown" */
        void update(double fraction, String message);

        boolean cancelled();
    }

    /** Runs everything at once on the calling thread: for view model tests. */
    BackgroundTasks SAME_THREAD = new BackgroundTasks() {
        @Override
        public <T> void submit(String title, Work<T> work, Consumer<T> onDone, Consumer<Throwable> onFailed) {
            T result;
            try {
                result = work.run(new Progress() {
                    @Override
                    public void update(double fraction, String message) {
                    }

                    @Override
                    public boolean cancelled() {
                        return false;
                    }
                });
            } catch (Exception | LinkageError e) {
                onFailed.accept(e);
                return;
            }
            onDone.accept(result);
        }
    };
}
