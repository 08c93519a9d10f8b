package dev.sloscout.engine.capsule;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Nagios's state records take their state's level, whichever field the kind of record puts it in. */
class NagiosRecordsTest {

    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
        SERVICE ALERT: web-1;Checkout API;CRITICAL;HARD;2;CRITICAL - Socket timeout after 10 seconds | ERROR
        SERVICE ALERT: web-1;Redis;OK;HARD;2;PROCS OK: 3 processes with command name 'redis-server'  | INFO
        SERVICE ALERT: web-1;Disk /;WARNING;SOFT;1;DISK WARNING - free space: / 900 MB                | WARN
        SERVICE ALERT: web-1;Disk /;UNKNOWN;SOFT;1;(No output on stdout)                              | WARN
        HOST ALERT: web-1;DOWN;HARD;2;CRITICAL - Host Unreachable (10.0.0.7)                          | ERROR
        HOST ALERT: web-1;UNREACHABLE;HARD;1;PING CRITICAL                                            | ERROR
        INITIAL HOST STATE: web-1;UP;HARD;1;                                                          | INFO
        INITIAL SERVICE STATE: web-1;HTTP;OK;HARD;1;(null)                                            | INFO
        CURRENT SERVICE STATE: web-1;HTTP;CRITICAL;HARD;3;connect to address 10.0.0.7 failed          | ERROR
        CURRENT HOST STATE: web-1;UP;HARD;1;PING OK                                                   | INFO
        SERVICE NOTIFICATION: oncall;web-1;Checkout API;CRITICAL;notify-by-email;CRITICAL - timeout   | ERROR
        SERVICE NOTIFICATION: oncall;web-1;Disk /;WARNING;notify-by-email;DISK WARNING              | WARN
        SERVICE NOTIFICATION: oncall;web-1;Checkout API;ACKNOWLEDGEMENT (CRITICAL);notify;CRITICAL  | INFO
        HOST NOTIFICATION: oncall;web-1;DOWN;notify-host-by-email;PING CRITICAL - Packet loss = 100% | ERROR
        HOST NOTIFICATION: oncall;web-1;UP;notify-host-by-email;PING OK                               | INFO
        SERVICE EVENT HANDLER: web-1;Redis;CRITICAL;SOFT;1;restart-redis                              | ERROR
        HOST EVENT HANDLER: web-1;DOWN;SOFT;1;power-cycle                                             | ERROR
        HOST ALERT: web-1;RESTARTING;HARD;1;                                                          | INFO
        SERVICE FLAPPING ALERT: web-1;Redis;STARTED; Service appears to have started flapping         | WARN
        SERVICE FLAPPING ALERT: web-1;Redis;STOPPED; Service appears to have stopped flapping         | INFO
        HOST DOWNTIME ALERT: web-1;STARTED; Host has entered a period of scheduled downtime           | INFO
        SERVICE ALERT: web-1;Checkout API                                                             | UNKNOWN
        """)
    void aStateRecordIsAsSevereAsItsState(String record, Severity level) {
        assertThat(NagiosRecords.level("[1796536304] " + record, "[1796536304] ".length())).isEqualTo(level);
    }

    @Test
    void otherLinesAreNoStateRecords() {
        for (String body : List.of("EXTERNAL COMMAND: ACKNOWLEDGE_SVC_PROBLEM;web-1;Checkout API;1;1;0;alice;Looking",
                "Caught SIGTERM, shutting down...", "", "SERVICE", "HOST ALERT web-1;DOWN;HARD;1;")) {
            assertThat(NagiosRecords.level(body, 0)).as(body).isNull();
        }
    }
}
