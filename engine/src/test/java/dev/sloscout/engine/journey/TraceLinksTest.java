package dev.sloscout.engine.journey;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sloscout.engine.model.TraceId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

class TraceLinksTest {
    @Test
    void remembersWhatAMapWouldUpToItsBound() {
        TraceLinks links = new TraceLinks(50_000);
        Map<TraceId, JourneyDiscovery.TraceLink> expected = new HashMap<>();
        Random random = new Random(5);
        List<TraceId> ids = new ArrayList<>();
        ids.add(new TraceId(1, 1));
        for (int i = 0; i < 60_000; i++) {
            TraceId id = new TraceId(random.nextLong() | 1, random.nextInt(3)); // low halves collide on purpose
            String journey = "journey-" + random.nextInt(40);
            boolean failed = random.nextBoolean();
            links.put(id, journey, failed);
            if (expected.size() < 50_000 || expected.containsKey(id)) {
                expected.put(id, new JourneyDiscovery.TraceLink(journey, failed));
            }
            // asked at once, as the analyses after the discovery do (the last trace put, or none past the bound)
            assertThat(links.get(id)).isEqualTo(expected.get(id));
            if (i % 997 == 0) { // now and then an earlier trace too: the links logged so far go into the table
                TraceId earlier = ids.get(random.nextInt(ids.size()));
                assertThat(links.get(earlier)).isEqualTo(expected.get(earlier));
            }
            ids.add(id);
            if (i % 1499 == 0 && i < 40_000) { // a trace seen again before its link reached the table: the newest wins
                TraceId seen = ids.get(ids.size() - 2); // put one trace ago: still in the log
                links.put(seen, "journey-seen-again", false);
                expected.put(seen, new JourneyDiscovery.TraceLink("journey-seen-again", false));
            }
        }

        // full: a trace it holds still takes its newest link, a new one none
        List<TraceId> again = new ArrayList<>(ids.subList(1, 51)); // held
        again.addAll(ids.subList(ids.size() - 50, ids.size())); // put after it was full: not held
        for (TraceId known : again) {
            links.put(known, "journey-again", true);
            if (expected.containsKey(known)) {
                expected.put(known, new JourneyDiscovery.TraceLink("journey-again", true));
            }
            assertThat(links.get(known)).isEqualTo(expected.get(known));
        }
        assertThat(links.size()).isEqualTo(50_000);
        expected.forEach((id, link) -> assertThat(links.get(id)).isEqualTo(link));
        assertThat(links.get(new TraceId(2, 2))).isNull();
    }

    /** Log mining stages look links up at once when the traces are done: the first look-ups build the table. */
    @Test
    void concurrentLookUpsOnceThePutsAreDoneSeeEveryLink() throws Exception {
        for (int round = 0; round < 20; round++) {
            TraceLinks links = new TraceLinks(1_000_000);
            List<TraceId> ids = new ArrayList<>();
            for (int i = 1; i <= 20_000; i++) {
                TraceId id = new TraceId(round, i);
                links.put(id, "journey-" + i % 7, i % 3 == 0);
                ids.add(id);
            }
            java.util.concurrent.CountDownLatch start = new java.util.concurrent.CountDownLatch(1);
            java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(4);
            try {
                List<java.util.concurrent.Future<Long>> found = new ArrayList<>();
                for (int t = 0; t < 4; t++) {
                    found.add(pool.submit(() -> {
                        start.await();
                        return ids.stream().filter(id -> links.get(id) != null
                                && links.get(id).journeyKey().equals("journey-" + id.low() % 7)).count();
                    }));
                }
                start.countDown();
                for (java.util.concurrent.Future<Long> f : found) {
                    assertThat(f.get()).isEqualTo(ids.size());
                }
            } finally {
                pool.shutdownNow();
            }
        }
    }
}
