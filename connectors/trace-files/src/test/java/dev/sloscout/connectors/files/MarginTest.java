package dev.sloscout.connectors.files;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** The indent every line of a log opens with: a printer's margin, not a stack trace's. */
class MarginTest {
    private static Margin of(String text) {
        return Margin.of(text.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void aLogPrintedIndentedHasItsIndentAsMargin() {
        Margin koa = of("""
                  <-- GET /a
                  --> GET /a 200 5ms 2b
                  <-- GET /boom
                  xxx GET /boom 500 0ms -

                  Error: db down
                      at /app/k.js:3:56
                      at dispatch (/app/node_modules/koa-compose/index.js:42:32)
                      at logger (/app/node_modules/koa-logger/index.js:130:13)
                      at dispatch (/app/node_modules/koa-compose/index.js:42:32)
                      at Application.handleRequest (/app/node_modules/koa/lib/application.js:224:12)

                  <-- GET /missing
                """);
        assertThat(koa.indent()).isEqualTo("  ");
        assertThat(koa.strip("  --> GET /a 200 5ms 2b")).isEqualTo("--> GET /a 200 5ms 2b");
        assertThat(koa.strip("      at /app/k.js:3:56")).isEqualTo("    at /app/k.js:3:56");
        assertThat(koa.strip(" one space")).isEqualTo(" one space");
        assertThat(of("\tone\n\ttwo\n\tthree\n\tfour (cut").indent()).isEqualTo("\t");
    }

    @Test
    void aLogAtColumnZeroOrWithinAStackTraceHasNone() {
        assertThat(of("2024-03-01 12:00:00 INFO start\n  indented\n2024-03-01 12:00:01 INFO done\n"))
                .isEqualTo(Margin.NONE);
        assertThat(of("\tat a.B.c(B.java:1)\n\tat a.B.d(B.java:2)\n\tat a.B.e(B.java:3)\n\t... 12 more\n"))
                .as("a file that opens within a Java stack trace").isEqualTo(Margin.NONE);
        assertThat(of("  File \"/app/a.py\", line 1, in f\n    g()\n  File \"/app/b.py\", line 2, in g\n    h()\n"
                + "  File \"/app/c.py\", line 3, in h\n    raise KeyError('x')\n")).as("within a Python traceback")
                .isEqualTo(Margin.NONE);
        assertThat(of("  one\n  two\n")).as("too few lines to tell").isEqualTo(Margin.NONE);
        assertThat(of("  one\n\ttwo\n  three\n  four\n")).as("no indent in common").isEqualTo(Margin.NONE);
    }
}
