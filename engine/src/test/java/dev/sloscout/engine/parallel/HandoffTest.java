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
}
