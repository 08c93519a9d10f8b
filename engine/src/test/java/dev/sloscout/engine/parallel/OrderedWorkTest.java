package dev.sloscout.engine.parallel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;

class OrderedWorkTest {
    /** Workers that take random times still hand their results over in the order of submission. */
    @Property(tries = 30)
    void resultsComeBackInSubmissionOrder(@ForAll @IntRange(min = 1, max = 9) int threads,
            @ForAll @IntRange(min = 0, max = 400) int items, @ForAll long seed) {
        List<Integer> seen = new ArrayList<>();
        try (OrderedWork<Integer, Integer> work = OrderedWork.start(threads, () -> {
            Random random = new Random(seed ^ Thread.currentThread().getId());
            return n -> {
                LockSupport.parkNanos(random.nextInt(50_000));
                return n * 2;
            };
        }, seen::add, "test")) {
            for (int i = 0; i < items; i++) {
                work.submit(i);
            }
            work.finish();
        }
        assertThat(seen).hasSize(items);
        for (int i = 0; i < items; i++) {
            assertThat(seen.get(i)).isEqualTo(i * 2);
        }
    }

    @Test
    void eachWorkerThreadHasItsOwnFunctionAndTheWindowBoundsWhatIsInFlight() {
        Set<Object> functions = ConcurrentHashMap.newKeySet();
        AtomicInteger running = new AtomicInteger();
        AtomicInteger mostInFlight = new AtomicInteger();
        AtomicInteger consumed = new AtomicInteger();
        AtomicInteger submitted = new AtomicInteger();
        try (OrderedWork<Integer, Integer> work = OrderedWork.start(3, () -> new java.util.function.Function<>() {
            @Override
            public Integer apply(Integer n) {
                functions.add(this);
                running.incrementAndGet();
                LockSupport.parkNanos(200_000);
                running.decrementAndGet();
                return n;
            }
        }, n -> consumed.incrementAndGet(), "test")) {
            for (int i = 0; i < 200; i++) {
                work.submit(i);
                submitted.incrementAndGet();
                mostInFlight.accumulateAndGet(submitted.get() - consumed.get(), Math::max);
            }
            work.finish();
            assertThat(mostInFlight.get()).isLessThanOrEqualTo(work.window());
        }
        assertThat(consumed.get()).isEqualTo(200);
        assertThat(functions).hasSizeBetween(1, 3);
    }

    @Test
    void aWorkersFailureIsThrownToTheSubmitterAfterTheResultsBeforeIt() {
        List<Integer> seen = new ArrayList<>();
        assertThatThrownBy(() -> {
            try (OrderedWork<Integer, Integer> work = OrderedWork.start(2, () -> n -> {
                if (n == 5) {
                    throw new IllegalStateException("item 5 is bad");
                }
                return n;
            }, seen::add, "test")) {
                for (int i = 0; i < 20; i++) {
                    work.submit(i);
                }
                work.finish();
            }
        }).isInstanceOf(IllegalStateException.class).hasMessage("item 5 is bad");
        assertThat(seen).containsExactly(0, 1, 2, 3, 4);
    }

    @Test
    void oneThreadComputesOnTheCallersThreadAtOnce() {
        Thread caller = Thread.currentThread();
        List<Thread> ranOn = new ArrayList<>();
        List<Integer> seen = new ArrayList<>();
        try (OrderedWork<Integer, Integer> work = OrderedWork.start(1, () -> n -> {
            ranOn.add(Thread.currentThread());
            return n;
        }, seen::add, "test")) {
            work.submit(1);
            assertThat(seen).containsExactly(1);
        }
        assertThat(ranOn).containsExactly(caller);
    }

    @Test
    void theConsumerComputesWhatNoWorkerHasStartedRatherThanWaitAndNThreadsComputeInAll() {
        Thread caller = Thread.currentThread();
        Set<Thread> computing = ConcurrentHashMap.newKeySet();
        AtomicInteger byCaller = new AtomicInteger();
        List<Integer> seen = new ArrayList<>();
        try (OrderedWork<Integer, Integer> work = OrderedWork.start(3, () -> n -> {
            computing.add(Thread.currentThread());
            if (Thread.currentThread() == caller) {
                byCaller.incrementAndGet();
            }
            LockSupport.parkNanos(200_000);
            return n;
        }, seen::add, "test")) {
            for (int i = 0; i < 100; i++) {
                work.submit(i);
            }
            work.finish();
        }
        assertThat(seen).hasSize(100).isSorted();
        assertThat(byCaller.get()).isPositive();
        assertThat(computing).hasSizeLessThanOrEqualTo(3).contains(caller);
    }

    @Test
    void aFailureOfAnItemTheConsumerComputedIsThrownInItsTurn() {
        Thread caller = Thread.currentThread();
        List<Integer> seen = new ArrayList<>();
        List<Thread> failedOn = new ArrayList<>();
        assertThatThrownBy(() -> {
            try (OrderedWork<Integer, Integer> work = OrderedWork.start(2, () -> n -> {
                if (n == 0) {
                    LockSupport.parkNanos(50_000_000); // the one worker is busy: the consumer takes what is queued
                }
                if (n == 3) {
                    synchronized (failedOn) {
                        failedOn.add(Thread.currentThread());
                    }
                    throw new IllegalStateException("item 3 is bad");
                }
                return n;
            }, seen::add, "test")) {
                for (int i = 0; i < work.window(); i++) {
                    work.submit(i);
                }
                work.finish();
            }
        }).isInstanceOf(IllegalStateException.class).hasMessage("item 3 is bad");
        assertThat(seen).containsExactly(0, 1, 2);
        assertThat(failedOn).containsExactly(caller);
    }
}
