package dev.sloscout.engine.capsule;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** Lines prepared a step at a time over a batch are prepared as each would be alone. */
class PrepareAllTest {
    @Test
    void aBatchPreparedStepByStepGivesWhatEachLineAloneGives() {
        List<String> syslog = new ArrayList<>();
        List<String> app = new ArrayList<>();
        Random random = new Random(5);
        for (int i = 0; i < 300; i++) {
            syslog.add(String.format("Jun %2d %02d:%02d:%02d host sshd[%d]: Failed password for user%d from 10.0.0.%d",
                    1 + random.nextInt(28), random.nextInt(24), random.nextInt(60), random.nextInt(60),
                    random.nextInt(9000), random.nextInt(5), random.nextInt(255)));
            app.add(String.format("2024-05-01 10:00:%02d,%03d WARN [worker-%d] com.acme.Pay: retry %d after %d ms",
                    random.nextInt(60), random.nextInt(1000), random.nextInt(8), random.nextInt(9), random.nextInt(900)));
        }
        HeaderLayout syslogLayout = HeaderLayout.infer(syslog, 2024);
        HeaderLayout appLayout = HeaderLayout.infer(app, 2024);
        int n = 600;
        HeaderLayout[] layouts = new HeaderLayout[n];
        String[] texts = new String[n];
        boolean[] raw = new boolean[n];
        for (int i = 0; i < n; i++) {
            int kind = random.nextInt(4); // a syslog line, an application line, a message, a line not yet readable
            texts[i] = kind == 1 ? app.get(i / 2) : syslog.get(i / 2);
            layouts[i] = kind == 0 ? syslogLayout : kind == 1 ? appLayout : null;
            raw[i] = kind != 2;
        }
        Fingerprinter.Prepared[] batch = Fingerprinter.prepareAll(layouts, new MessageTokenizer(), texts, raw, n);
        MessageTokenizer alone = new MessageTokenizer();
        for (int i = 0; i < n; i++) {
            if (raw[i] && layouts[i] == null) {
                assertThat(batch[i]).as("line %d has no layout to be read with", i).isNull();
                continue;
            }
            Fingerprinter.Prepared one = Fingerprinter.prepare(layouts[i], alone, texts[i], raw[i]);
            assertThat(batch[i].layout()).isSameAs(layouts[i]);
            assertThat(batch[i].header()).as(texts[i]).isEqualTo(one.header());
            assertThat(batch[i].tokens().toArray()).as(texts[i]).containsExactly(one.tokens().toArray());
            assertThat(batch[i].tokens().spacing()).as(texts[i]).containsExactly(one.tokens().spacing());
            if (raw[i]) {
                assertThat(batch[i].header()).isEqualTo(layouts[i].parse(texts[i]));
            }
        }
    }
}
