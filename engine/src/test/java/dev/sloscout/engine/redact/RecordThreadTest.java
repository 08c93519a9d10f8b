package dev.sloscout.engine.redact;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class RecordThreadTest {
    @ParameterizedTest(name = "{0}")
    @MethodSource("records")
    void namesTheThreadARecordsHeaderOrFieldNames(String layout, String record, String thread) {
        assertThat(RecordThread.of(record)).isEqualTo(thread);
    }

    static Stream<Arguments> records() {
        return Stream.of(
                Arguments.of("Logback's default", "00:46:01.510 [http-nio-8080-exec-1] DEBUG o.h.SQL - select 1",
                        "[http-nio-8080-exec-1]"),
                Arguments.of("a level before the thread", "2026-12-08 00:46:01.510 TRACE [exec-2] "
                        + "org.hibernate.orm.jdbc.bind - binding parameter (1:VARCHAR) <- [x]", "[exec-2]"),
                Arguments.of("Spring Boot 3.4 on", "2026-12-08T00:46:08.598Z TRACE 4242 --- [demo] [nio-8080-exec-3] "
                        + "org.hibernate.orm.jdbc.bind              : binding parameter (1:VARCHAR) <- [x]",
                        "[demo] [nio-8080-exec-3]"),
                Arguments.of("Quarkus, its logger in brackets", "00:46:20,764 TRACE [o.h.orm.jdbc.bind] "
                        + "(executor-thread-1) binding parameter (1:VARCHAR) <- [x]", "(executor-thread-1)"),
                Arguments.of("WildFly, a blank in the thread", "00:46:20,764 DEBUG [org.hibernate.SQL] "
                        + "(default task-1) insert into notes (title, body) values (?, ?)", "(default task-1)"),
                Arguments.of("a time and a level in brackets", "[2026-12-08 00:46:01,510] [DEBUG] [main] Mapper - "
                        + "==> Parameters: x(String)", "[main]"),
                Arguments.of("a thread with a dot and a dash", "12:00:00.000 [vert.x-eventloop-thread-0] INFO app - x",
                        "[vert.x-eventloop-thread-0]"),
                Arguments.of("nested brackets", "12:00:00.000 [Thread[main,5,main]] INFO app - x",
                        "[Thread[main,5,main]]"),
                Arguments.of("no group before the separator", "2026-12-08 00:46:01.510 DEBUG org.hibernate.SQL - "
                        + "insert into notes (title, body) values (?, ?)", ""),
                Arguments.of("Python's default", "INFO:sqlalchemy.engine.Engine:[generated in 0.0001s] ('bob', 'x')",
                        ""),
                Arguments.of("Logback's JSON", "{\"level\":\"TRACE\",\"threadName\":\"exec-1\",\"loggerName\":"
                        + "\"org.hibernate.orm.jdbc.bind\",\"message\":\"binding parameter (1:VARCHAR) <- [x]\"}",
                        "exec-1"),
                Arguments.of("logstash's JSON, after the message", "{\"message\":\"say \\\"thread\\\": \\\"no\\\"\","
                        + "\"logger_name\":\"app\",\"thread_name\":\"exec-2\"}", "exec-2"),
                Arguments.of("a JSON thread as a number", "{\"message\": \"x\", \"thread\": 140234}", "140234"),
                Arguments.of("ECS's nested thread", "{\"log\":{\"level\":\"TRACE\"},\"process\":{\"pid\":7,"
                        + "\"thread\":{\"name\":\"exec-7\"}},\"message\":\"x\"}", "exec-7"),
                Arguments.of("Spring Boot's GELF", "{\"short_message\":\"x\",\"_process_pid\":7,"
                        + "\"_process_thread_name\":\"exec-8\"}", "exec-8"),
                Arguments.of("a key only ending in thread", "{\"message\":\"x\",\"mythread\":\"no\","
                        + "\"thread_id\":\"no\"}", ""),
                Arguments.of("a JSON record naming none", "{\"message\":\"[main] x\"}", ""));
    }
}
