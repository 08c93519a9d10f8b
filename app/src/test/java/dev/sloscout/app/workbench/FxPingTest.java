package dev.sloscout.app.workbench;

import javafx.stage.Stage;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/** The FX-thread watchdog the workbench's responsiveness tests rely on: what it excuses and what it does not. */
@ExtendWith(ApplicationExtension.class)
@Tag("integration")
class FxPingTest {
    @Start
    void start(Stage stage) {
        stage.show();
    }

    @Test
    void aWaitForAnFxThreadThatIsBusyCountsInFull() throws Exception {
        FxPing.Waits waits = null;
        // a GC pause or a stall of the whole process during the busy quarter second excuses the wait, rightly: the
        // measurement is then repeated (other test classes run beside this one and collect)
        for (int attempt = 0; attempt < 3 && (waits == null || excused(waits)); attempt++) {
            try (FxPing ping = FxPing.every(Duration.ofMillis(5))) {
                Thread.sleep(50);
                WaitForAsyncUtils.asyncFx(() -> sleep(250)).get(10, TimeUnit.SECONDS); // as a blocking call would
                Thread.sleep(50);
                waits = ping.waits();
            }
        }
        FxPing.Waits last = waits;
        assumeTrue(!excused(last), () -> "a GC pause or a stall fell in the busy wait three times: " + last);
        assertThat(last.longestOutsideStalls()).as("%s", last).isGreaterThanOrEqualTo(Duration.ofMillis(200));
    }

    /** True when the longest wait had a GC pause or a stall of the whole process in it (so it is not told apart). */
    private static boolean excused(FxPing.Waits waits) {
        Duration inGc = waits.longest().minus(waits.longestOutsideGc());
        return waits.stalls() > 0 || inGc.compareTo(Duration.ofMillis(50)) > 0;
    }

    @Test
    @EnabledOnOs(OS.LINUX)
    void aThreadKeptFromACoreByOthersHasRunQueueTime() throws Exception {
        long before = FxPing.runQueueNanos();
        assertThat(before).isNotNegative();
        int others = Runtime.getRuntime().availableProcessors() * 3;
        List<Thread> spinners = new ArrayList<>();
        long until = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(300);
        for (int i = 0; i < others; i++) {
            Thread t = new Thread(() -> spinUntil(until));
            t.start();
            spinners.add(t);
        }
        spinUntil(until);
        for (Thread t : spinners) {
            t.join();
        }
        assertThat(FxPing.runQueueNanos() - before).isGreaterThan(TimeUnit.MILLISECONDS.toNanos(10));
    }

    private static void spinUntil(long deadline) {
        long x = 0;
        while (System.nanoTime() < deadline) {
            x += x * 31 + 7;
        }
        if (x == 42) {
            System.out.println(x);
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
