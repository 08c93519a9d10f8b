package dev.sloscout.engine.capsule;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Lines read on their own, before (or without) a layout learnt from the file: the strict single-line rules. */
class SingleLineHeaderTest {
    private final HeaderLayout parser = HeaderLayout.perLine(2024);

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiterString = "¦", quoteCharacter = '`', value = {
        // line ¦ severity ¦ component ¦ body ¦ time (ISO, or - for none)
        "2015-10-18 18:01:47,978 INFO [main] org.apache.hadoop.MRAppMaster: Created MRAppMaster for x"
                + "¦INFO¦org.apache.hadoop.MRAppMaster¦Created MRAppMaster for x¦2015-10-18T18:01:47.978Z",
        "081109 203615 148 INFO dfs.DataNode$PacketResponder: PacketResponder 1 for block blk_1 terminating"
                + "¦INFO¦dfs.DataNode$PacketResponder¦PacketResponder 1 for block blk_1 terminating"
                + "¦2008-11-09T20:36:15Z",
        "Jun 14 15:16:01 combo sshd(pam_unix)[19939]: check pass; user unknown"
                + "¦UNKNOWN¦sshd(pam_unix)¦check pass; user unknown¦2024-06-14T15:16:01Z",
        "[Sun Dec 04 04:47:44 2005] [error] mod_jk child workerEnv in error state 6"
                + "¦ERROR¦¦mod_jk child workerEnv in error state 6¦2005-12-04T04:47:44Z",
        "Sat Dec 05 2026 04:33:35 SOCKET: New file descriptor: 5"
                + "¦UNKNOWN¦SOCKET¦New file descriptor: 5¦2026-12-05T04:33:35Z",
        "Sat Dec 05 2026 04:33:36 GMT+0100 (Central European Standard Time) order 2 placed"
                + "¦UNKNOWN¦¦order 2 placed¦2026-12-05T03:33:36Z",
        "Dec 10 06:55:46 LabSZ sshd[24200]: error: Received disconnect from 1.2.3.4: 3: bye"
                + "¦ERROR¦sshd¦error: Received disconnect from 1.2.3.4: 3: bye¦2024-12-10T06:55:46Z",
        "2015-07-29 17:41:44,747 - WARN  [QuorumPeer[myid=1]/0:0:0:0:0:0:0:0:2181:Election@774] - Notification time out: 3200"
                + "¦WARN¦¦Notification time out: 3200¦2015-07-29T17:41:44.747Z",
        "03-17 16:13:38.811  1702  2395 D WindowManager: printFreezingDisplayLogs opening app"
                + "¦DEBUG¦WindowManager¦printFreezingDisplayLogs opening app¦2024-03-17T16:13:38.811Z",
        "20171223-22:15:29:606|Step_LSC|30002312|onStandStepChanged 3579"
                + "¦UNKNOWN¦Step_LSC¦onStandStepChanged 3579¦2017-12-23T22:15:29.606Z",
        "17/06/09 20:10:40 INFO executor.CoarseGrainedExecutorBackend: Registered signal handlers"
                + "¦INFO¦executor.CoarseGrainedExecutorBackend¦Registered signal handlers¦2017-06-09T20:10:40Z",
        "2023-04-01T12:00:00.123+02:00 ERROR payment failed for order 7"
                + "¦ERROR¦¦payment failed for order 7¦2023-04-01T10:00:00.123Z",
        "- 1117838570 2005.06.03 R02-M1-N0-C:J12-U11 2005-06-03-15.42.50.675872 R02-M1-N0-C:J12-U11 RAS KERNEL INFO"
                + " instruction cache parity error corrected¦INFO¦KERNEL¦instruction cache parity error corrected"
                + "¦2005-06-03T22:42:50Z",
        "payment failed: card declined¦UNKNOWN¦¦payment failed: card declined¦-",
        "Error: could not connect¦ERROR¦¦Error: could not connect¦-",
        "A unified platform for anti-censorship.¦UNKNOWN¦¦A unified platform for anti-censorship.¦-",
        "I 2024-01-01 10:00:00 worker started¦INFO¦¦worker started¦2024-01-01T10:00:00Z",
        "2024-01-01 10:00:00 user 42 logged in¦UNKNOWN¦¦user 42 logged in¦2024-01-01T10:00:00Z",
        "2024-01-01 10:00:00 user logged in: ok¦UNKNOWN¦¦user logged in: ok¦2024-01-01T10:00:00Z",
    })
    void findsTheHeaderWithoutConfiguration(String line, Severity severity, String component, String body,
            String time) {
        LogHeader header = parser.parse(line);
        assertThat(line.substring(header.bodyStart())).isEqualTo(body);
        assertThat(header.severity()).isEqualTo(severity);
        assertThat(header.component()).isEqualTo(component == null ? "" : component);
        if (time.equals("-")) {
            assertThat(header.hasTime()).isFalse();
        } else {
            assertThat(Instant.ofEpochMilli(header.epochMillis())).isEqualTo(Instant.parse(time));
        }
    }
}
