package dev.sloscout.engine.parallel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.locks.LockSupport;
import org.junit.jupiter.api.Test;

class HandoffTest {
    @Test
    void theStageSeesEveryItemInOrderOnItsOwnThread() {
        List<Integer> seen = new ArrayList<>();
        List<Thread> threads = new ArrayList<>();
        try (Handoff<Integer> handoff = new Handoff<>(n -> {
            if (threads.isEmpty()) {
                threads.add(Thread.currentThread());
            }
            if (n % 97 == 0) {
                LockSupport.parkNanos(100_000); // a slow stage: the feeder waits on the bounded queue
            }
            seen.add(n);
        }, 7, "stage")) {
            for (int i = 0; i < 10_000; i++) {
                handoff.accept(i);
            }
            handoff.finish();
        }
        assertThat(seen).hasSize(10_000);
        for (int i = 0; i < seen.size(); i++) {
            assertThat(seen.get(i)).isEqualTo(i);
        }
        assertThat(threads).singleElement().isNotEqualTo(Thread.currentThread());
    }

    @Test
    void aFailureOfTheStageReachesTheFeeder() {
        assertThatThrownBy(() -> {
            try (Handoff<Integer> handoff = new Handoff<>(n -> {
                if (n == 500) {
                    throw new IllegalArgumentException("trace 500 is bad");
                }
            }, 10, "stage")) {
                for (int i = 0; i < 100_000; i++) {
                    handoff.accept(i);
                }
                handoff.finish();
            }
        }).isInstanceOf(IllegalArgumentException.class).hasMessage("trace 500 is bad");
    }

    /**
     * A stage that fails while the end is already queued behind the batch it fails on: {@code finish} throws the
     * failure instead of waiting for ever (the stage once cleared its queue on failing, the end with it).
     */
    @Test
    void aFailureAfterTheLastBatchWasHandedOverStillEndsTheStage() {
        java.util.concurrent.CountDownLatch queued = new java.util.concurrent.CountDownLatch(1);
        Handoff<Integer> handoff = new Handoff<>(n -> {
            if (n == 0) {
                awaitQuietly(queued); // hold the stage until the feeder has queued the rest and the end
                throw new IllegalStateException("first item is bad");
            }
        }, 1, "stage");
        handoff.accept(0);
        handoff.accept(1);
        Thread releaser = new Thread(() -> {
            LockSupport.parkNanos(200_000_000L); // finish() has put its end by now
            queued.countDown();
        });
        releaser.start();
        java.util.concurrent.FutureTask<Void> finishing = new java.util.concurrent.FutureTask<>(() -> {
            handoff.finish();
            return null;
        });
        Thread feeder = new Thread(finishing);
        feeder.start();
        assertThatThrownBy(() -> finishing.get(10, java.util.concurrent.TimeUnit.SECONDS))
                .hasCauseInstanceOf(IllegalStateException.class).hasRootCauseMessage("first item is bad");
        handoff.close();
    }

    private static void awaitQuietly(java.util.concurrent.CountDownLatch latch) {
        try {
            latch.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
