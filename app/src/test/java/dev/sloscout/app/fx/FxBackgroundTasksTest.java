package dev.sloscout.app.fx;

import org.junit.jupiter.api.Tag;
import javafx.concurrent.Task;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/** The workbench's task executor on the real FX toolkit (Monocle): results on the FX thread, cancel hands over. */
@ExtendWith(ApplicationExtension.class)
@Tag("integration")
class FxBackgroundTasksTest {
    private final FxBackgroundTasks tasks = new FxBackgroundTasks(2);

    @Start
    void start(Stage stage) {
        stage.show();
    }

    private static <T> T fx(java.util.concurrent.Callable<T> read) {
        try {
            return WaitForAsyncUtils.asyncFx(read).get(10, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void resultsArriveOnTheFxThreadAndTheTaskIsListed() throws Exception {
        List<String> got = new CopyOnWriteArrayList<>();
        tasks.submit("sum", progress -> {
            progress.update(0.5, "half way");
            return "42";
        }, result -> got.add(result + " on FX=" + javafx.application.Platform.isFxApplicationThread()), e -> got.add("failed"));
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> !got.isEmpty());
        assertThat(got).containsExactly("42 on FX=true");
        assertThat(fx(() -> tasks.tasks().get(0).getTitle() + " " + tasks.tasks().get(0).getState())).isEqualTo("sum SUCCEEDED");
        assertThat(fx(() -> tasks.tasks().size())).isEqualTo(1);
        tasks.close();
    }

    @Test
    void cancelledWorkStillHandsOverWhatItDidAndFailuresAreTold() throws Exception {
        List<String> got = new CopyOnWriteArrayList<>();
        tasks.submit("long read", progress -> {
            while (!progress.cancelled()) {
                Thread.sleep(10);
            }
            return "what was read before the cancel";
        }, got::add, e -> got.add("failed: " + e.getMessage()));
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> fx(() -> !tasks.tasks().isEmpty() && tasks.tasks().get(0).isRunning()));
        fx(() -> {
            FxBackgroundTasks.cancel(tasks.tasks().get(0)); // as the status bar's Cancel does
            return null;
        });
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> !got.isEmpty());
        assertThat(got).containsExactly("what was read before the cancel");

        tasks.submit("fails", progress -> {
            throw new IllegalStateException("disk gone");
        }, r -> got.add("done?"), e -> got.add("failed: " + e.getMessage()));
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> got.size() == 2);
        assertThat(got.get(1)).isEqualTo("failed: disk gone");
        assertThat(fx(() -> tasks.tasks().stream().map(Task::getTitle).toList())).containsExactly("fails", "long read");
        tasks.close();
    }

    /**
     * A task that ends as the workbench closes may ask for another from its handler on the FX thread: after close it
     * is listed cancelled and never runs, and nothing is thrown on the FX thread.
     */
    @Test
    void aTaskSubmittedAfterCloseIsCancelledAndNeverRuns() throws Exception {
        List<String> got = new CopyOnWriteArrayList<>();
        tasks.close();
        fx(() -> {
            tasks.submit("late", progress -> "ran", got::add, e -> got.add("failed: " + e.getMessage()));
            return null;
        });
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> fx(() -> !tasks.tasks().isEmpty()
                && tasks.tasks().get(0).getState() == javafx.concurrent.Worker.State.CANCELLED));
        assertThat(tasks.awaitIdle(java.time.Duration.ofSeconds(10))).isTrue();
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(got).isEmpty();
        assertThat(fx(() -> tasks.tasks().get(0).getTitle())).isEmpty(); // it never ran, so it never named itself
    }
}
