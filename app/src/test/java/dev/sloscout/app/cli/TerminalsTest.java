package dev.sloscout.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class TerminalsTest {
    @Test
    void terminalsAreToldFromPipesAndFilesByTheirDevice() {
        assertThat(Terminals.isTerminalDevice("/dev/pts/3")).isTrue();
        assertThat(Terminals.isTerminalDevice("/dev/tty1")).isTrue();
        assertThat(Terminals.isTerminalDevice("pipe:[48213]")).isFalse();
        assertThat(Terminals.isTerminalDevice("/dev/null")).isFalse();
        assertThat(Terminals.isTerminalDevice("/tmp/analyze.log")).isFalse();
        assertThat(Terminals.stderrIsATerminal()).as("the test's stderr is captured").isFalse();
        assertThat(Terminals.interactive()).as("nor is the test run on a console").isFalse();
    }
}
