package dev.sloscout.connectors.files;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class SourceColumnTest {
    private static SourceColumn of(String text) {
        return SourceColumn.of(text.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void aFileAndLineNumberPaddedAtTheRightIsNoPartOfTheMessage() {
        SourceColumn column = of("""
                [05:00:14] INFO     processing order 7                app.py:18
                           DEBUG    cache miss for key user:299       app.py:20
                                    a wrapped message's second line
                           ERROR    charge failed                     billing_v2.py:24  \n""");
        assertThat(column.present()).isTrue();
        assertThat(column.strip("           INFO     done               app.py:30"))
                .isEqualTo("           INFO     done");
        assertThat(column.strip("           INFO     see app.py:30 for more")).as("no padding before it")
                .isEqualTo("           INFO     see app.py:30 for more");
        assertThat(column.strip("           INFO     connected to  db.local:5432")).as("a port: no extension")
                .isEqualTo("           INFO     connected to  db.local:5432");
        assertThat(column.strip("                    app.py:18")).as("nothing before it")
                .isEqualTo("                    app.py:18");
    }

    @Test
    void aLogWhoseLinesRarelyEndSoKeepsThem() {
        SourceColumn column = of("""
                2026-12-04 05:00:14 INFO processing order 7
                2026-12-04 05:00:14 INFO processing order 8
                2026-12-04 05:00:15 INFO loaded  settings.py:1
                2026-12-04 05:00:15 INFO loaded  urls.py:1
                2026-12-04 05:00:15 INFO loaded  views.py:1
                2026-12-04 05:00:16 INFO processing order 9
                2026-12-04 05:00:16 INFO processing order 10
                2026-12-04 05:00:16 INFO processing order 11
                2026-12-04 05:00:17 INFO processing order 12
                2026-12-04 05:00:17 INFO processing order 13
                """);
        assertThat(column).isEqualTo(SourceColumn.NONE);
        assertThat(column.strip("2026-12-04 05:00:15 INFO loaded  urls.py:1"))
                .isEqualTo("2026-12-04 05:00:15 INFO loaded  urls.py:1");
    }
}
