package dev.sloscout.engine.journey;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sloscout.engine.model.TraceId;
import java.util.HashMap;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

class TraceLinksTest {
    @Test
    void remembersWhatAMapWouldUpToItsBound() {
        TraceLinks links = new TraceLinks(50_000);
        Map<TraceId, JourneyDiscovery.TraceLink> expected = new HashMap<>();
        Random random = new Random(5);
        for (int i = 0; i < 60_000; i++) {
            TraceId id = new TraceId(random.nextLong() | 1, random.nextInt(3)); // low halves collide on purpose
            String journey = "journey-" + random.nextInt(40);
            boolean failed = random.nextBoolean();
            links.put(id, journey, failed);
            if (expected.size() < 50_000 || expected.containsKey(id)) {
                expected.put(id, new JourneyDiscovery.TraceLink(journey, failed));
            }
            // asked at once, as the analyses after the discovery do (the last slot put, or none past the bound)
            assertThat(links.get(id)).isEqualTo(expected.get(id));
        }

        assertThat(links.size()).isEqualTo(50_000);
        expected.forEach((id, link) -> assertThat(links.get(id)).isEqualTo(link));
        assertThat(links.get(new TraceId(2, 2))).isNull();
    }
}
