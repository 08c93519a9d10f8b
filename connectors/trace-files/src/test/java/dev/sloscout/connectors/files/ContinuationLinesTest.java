package dev.sloscout.connectors.files;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class ContinuationLinesTest {
    /** The lines that start events, as a file's reader folds the rest into them. */
    private static List<String> starts(String... lines) {
        ContinuationLines continuations = new ContinuationLines();
        List<String> starts = new ArrayList<>();
        for (String line : lines) {
            if (starts.isEmpty() || !continuations.continues(line)) {
                continuations.started(line);
                starts.add(line);
            }
        }
        return starts;
    }

    /**
     * PostgreSQL writes a message's parts (detail, hint, context, the statement) on lines of their own under the
     * server's prefix: they belong to the message they follow, whatever the prefix (numbered per line with {@code %l}
     * here), and not to a message of another shape or after a line that is no PostgreSQL message. A debug message is
     * written {@code DEBUG} at every debug level, by the server and by Pgpool-II (its prefix {@code %m: %a pid %p: }).
     */
    @Test
    void postgresPartsBelongToTheMessageTheyFollow() {
        assertThat(starts(
                "2024-03-01 12:00:00.123 UTC [4242] ERROR:  duplicate key value violates unique constraint \"pk\"",
                "2024-03-01 12:00:00.123 UTC [4242] DETAIL:  Key (id)=(17) already exists.",
                "2024-03-01 12:00:00.123 UTC [4242] STATEMENT:  INSERT INTO orders (id) VALUES (17)",
                "2024-03-01 12:00:01.001 UTC [4243] LOG:  checkpoint starting: time",
                "2024-03-01 12:00:02 UTC [77]: [9-1] user=shop,db=shop FATAL:  password authentication failed",
                "2024-03-01 12:00:02 UTC [77]: [10-1] user=shop,db=shop DETAIL:  Connection matched line 99",
                "2024-03-01 12:00:03 INFO shop.Orders - DETAIL:  not PostgreSQL's",
                "2024-03-01 12:00:04 UTC [78] HINT:  no message of that shape before it",
                "2026-12-04 20:33:21.018: child pid 26850: DEBUG:  reading startup packet",
                "2026-12-04 20:33:21.018: child pid 26850: DETAIL:  application_name: psql")).containsExactly(
                "2024-03-01 12:00:00.123 UTC [4242] ERROR:  duplicate key value violates unique constraint \"pk\"",
                "2024-03-01 12:00:01.001 UTC [4243] LOG:  checkpoint starting: time",
                "2024-03-01 12:00:02 UTC [77]: [9-1] user=shop,db=shop FATAL:  password authentication failed",
                "2024-03-01 12:00:03 INFO shop.Orders - DETAIL:  not PostgreSQL's",
                "2024-03-01 12:00:04 UTC [78] HINT:  no message of that shape before it",
                "2026-12-04 20:33:21.018: child pid 26850: DEBUG:  reading startup packet");
    }

    /**
     * A server whose {@code lc_messages} names another language writes the severities and the parts' tags in it, as
     * PostgreSQL's own translations do (German's {@code FEHLER} and {@code ANWEISUNG}, French's {@code ERREUR} and
     * {@code INSTRUCTION :} with a space before the colon, Spanish's {@code DETALLE}, Chinese's {@code 语句}): the parts
     * still belong to the message they follow.
     */
    @Test
    void postgresPartsInTheServersLanguageBelongToTheMessageTheyFollow() {
        assertThat(starts(
                "2026-12-06 03:07:01.507 UTC [32242] postgres@postgres FEHLER:  doppelter Schlüsselwert verletzt",
                "2026-12-06 03:07:01.507 UTC [32242] postgres@postgres DETAIL:  Schlüssel »(id)=(1)« existiert.",
                "2026-12-06 03:07:01.507 UTC [32242] postgres@postgres ANWEISUNG:  insert into t values (1)",
                "2026-12-06 03:07:04.607 UTC [32276] postgres@postgres ERREUR:  la relation « missing » n'existe pas",
                "2026-12-06 03:07:04.607 UTC [32276] postgres@postgres INSTRUCTION :  select * from missing",
                "2026-12-06 03:07:07.580 UTC [32306] postgres@postgres ERROR:  llave duplicada viola restricción",
                "2026-12-06 03:07:07.580 UTC [32306] postgres@postgres DETALLE:  Ya existe la llave (id)=(1).",
                "2026-12-06 03:07:09.001 UTC [32310] postgres@postgres 错误:  除以零",
                "2026-12-06 03:07:09.001 UTC [32310] postgres@postgres 语句:  select 1/0",
                "2026-12-06 03:07:10.001 UTC [32311] postgres@postgres NOTA:  no part's tag")).containsExactly(
                "2026-12-06 03:07:01.507 UTC [32242] postgres@postgres FEHLER:  doppelter Schlüsselwert verletzt",
                "2026-12-06 03:07:04.607 UTC [32276] postgres@postgres ERREUR:  la relation « missing » n'existe pas",
                "2026-12-06 03:07:07.580 UTC [32306] postgres@postgres ERROR:  llave duplicada viola restricción",
                "2026-12-06 03:07:09.001 UTC [32310] postgres@postgres 错误:  除以零",
                "2026-12-06 03:07:10.001 UTC [32311] postgres@postgres NOTA:  no part's tag");
    }

    /**
     * A message that ends where the traceback it prints begins (structlog's logfmt renderer writes an exception's
     * value with its line breaks, a program prints {@code format_exc()} after its words) keeps the traceback up to
     * its exception; the next line at the margin opens an event.
     */
    @Test
    void aTracebackOpenedAtTheEndOfAMessageBelongsToIt() {
        assertThat(starts(
                "order_id=3 event=\"order failed\" level=error exception=\"Traceback (most recent call last):",
                "  File \"/app/orders.py\", line 17, in <module>",
                "    {}[\"price\"]",
                "KeyError: 'price'\"",
                "status=500 event=\"request done\" level=info",
                "KeyError: 'price' without a traceback before it")).containsExactly(
                "order_id=3 event=\"order failed\" level=error exception=\"Traceback (most recent call last):",
                "status=500 event=\"request done\" level=info",
                "KeyError: 'price' without a traceback before it");
    }

    /**
     * RabbitMQ writes its header, the time to the microsecond, the level and the Erlang process, again on every line
     * of a multi-line report: the lines under the same header are the report's; the next time or process opens an
     * event.
     */
    @Test
    void rabbitmqsReportRepeatsItsHeaderOnEveryLine() {
        assertThat(starts(
                "2026-12-03 21:19:53.916565+00:00 [error] <0.223.0> ",
                "2026-12-03 21:19:53.916565+00:00 [error] <0.223.0> BOOT FAILED",
                "2026-12-03 21:19:53.916565+00:00 [error] <0.223.0> ===========",
                "2026-12-03 21:19:53.916565+00:00 [error] <0.223.0> Error during startup: {error,no_dir}",
                "2026-12-03 21:19:54.919997+00:00 [error] <0.222.0>   crasher:",
                "2026-12-03 21:19:54.919997+00:00 [error] <0.222.0>     initial call: application_master:init/4",
                "2026-12-03 21:19:54.919997+00:00 [error] <0.222.0>     pid: <0.222.0>",
                "2026-12-03 21:19:54.919997+00:00 [error] <0.224.0> another process at the same time",
                "2026-12-03 21:19:54.942480+00:00 [notice] <0.44.0> Application rabbit exited",
                "2026-12-03 21:19:54.942480+00:00 [notice] <0.44.0.1> not a process id",
                "2026-12-03 21:19:54.942480+00:00 [notice] <0.44.0.1> so not the same report")).containsExactly(
                "2026-12-03 21:19:53.916565+00:00 [error] <0.223.0> ",
                "2026-12-03 21:19:54.919997+00:00 [error] <0.222.0>   crasher:",
                "2026-12-03 21:19:54.919997+00:00 [error] <0.224.0> another process at the same time",
                "2026-12-03 21:19:54.942480+00:00 [notice] <0.44.0> Application rabbit exited",
                "2026-12-03 21:19:54.942480+00:00 [notice] <0.44.0.1> not a process id",
                "2026-12-03 21:19:54.942480+00:00 [notice] <0.44.0.1> so not the same report");
        ContinuationLines continuations = new ContinuationLines();
        continuations.started("2026-12-03 21:19:53.916565+00:00 [error] <0.223.0> ");
        assertThat(continuations.joinable("2026-12-03 21:19:53.916565+00:00 [error] <0.223.0> ")).isNull();
        assertThat(continuations.joinable("2026-12-03 21:19:53.916565+00:00 [error] <0.223.0> BOOT FAILED"))
                .as("a header alone over its report takes the report's first words").isEqualTo("BOOT FAILED");
        assertThat(continuations.joinable("2026-12-03 21:19:53.916565+00:00 [error] <0.223.0> Error during")).isNull();
    }

    @Test
    void aPythonTracebackBelongsToTheMessageAboveItUpToItsException() {
        assertThat(starts(
                "2024-03-01 12:00:01,456 ERROR [jobs] Job 42 failed",
                "Traceback (most recent call last):",
                "  File \"/app/jobs.py\", line 88, in run",
                "    result = int(payload[\"count\"])",
                "             ^^^^^^^^^^^^^^^^^^^^^^",
                "ValueError: invalid literal for int() with base 10: 'abc'",
                "2024-03-01 12:00:02,789 INFO [jobs] Job 43 done")).containsExactly(
                "2024-03-01 12:00:01,456 ERROR [jobs] Job 42 failed",
                "2024-03-01 12:00:02,789 INFO [jobs] Job 43 done");
    }

    /**
     * loguru's traceback (its default for {@code logger.exception}) marks the frame that caught the exception at the
     * margin and writes the values of its variables under it; the blank lines between are skipped by the reader.
     */
    @Test
    void loguruMarksTheCatchingFrameAtTheMarginInsideTheTraceback() {
        assertThat(starts(
                "2026-12-04 04:41:40.517 | INFO     | __main__:<module>:14 - processing order ord-3702",
                "> File \"/app/lg.py\", line 20: not in a traceback",
                "2026-12-04 04:41:40.523 | ERROR    | __main__:<module>:21 - charge failed for ord-3702",
                "Traceback (most recent call last):",
                "> File \"/app/lg.py\", line 18, in <module>",
                "    total = charge(order, amount)",
                "            │      └ 97",
                "            └ <function charge at 0x7f66da92dd00>",
                "  File \"/app/lg.py\", line 9, in charge",
                "    raise ValueError(f\"amount {amount} over limit\")",
                "ValueError: amount 97 over limit",
                "2026-12-04 04:41:40.526 | INFO     | __main__:<module>:14 - processing order 6604")).containsExactly(
                "2026-12-04 04:41:40.517 | INFO     | __main__:<module>:14 - processing order ord-3702",
                "> File \"/app/lg.py\", line 20: not in a traceback",
                "2026-12-04 04:41:40.523 | ERROR    | __main__:<module>:21 - charge failed for ord-3702",
                "2026-12-04 04:41:40.526 | INFO     | __main__:<module>:14 - processing order 6604");
    }

    /**
     * structlog's console renderer, with rich installed, writes an exception as rich draws it: a box at the margin
     * holding the frames, their source and locals (a box of its own inside), then the exception after the box; a
     * chained one adds Python's marker and another box.
     */
    @Test
    void aTracebackRichDrawsInABoxBelongsToTheRecordAboveIt() {
        assertThat(starts(
                "2026-12-04T05:20:53.032403Z [error    ] charge failed                  order=7388",
                "\u256d\u2500\u2500\u2500 Traceback (most recent call last) \u2500\u2500\u2500\u256e",
                "\u2502 /tmp/p20/sl.py:14 in <module>                    \u2502",
                "\u2502 \u256d\u2500\u2500\u2500 locals \u2500\u2500\u2500\u256e \u2502",
                "\u2502 \u2502 amount = 95 \u2502 \u2502",
                "\u2502 \u2570\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u256f \u2502",
                "\u2570\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u256f",
                "KeyError: 'card'",
                "During handling of the above exception, another exception occurred:",
                "\u256d\u2500\u2500\u2500 Traceback (most recent call last) \u2500\u2500\u2500\u256e",
                "\u2502 /tmp/p20/sl.py:8 in charge                       \u2502",
                "\u2570\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u256f",
                "ValueError: amount 95 over limit",
                "2026-12-04T05:20:53.033001Z [info     ] processing order               order=7389",
                "\u2502 a side of a box with no traceback above it"))
                .containsExactly(
                "2026-12-04T05:20:53.032403Z [error    ] charge failed                  order=7388",
                "2026-12-04T05:20:53.033001Z [info     ] processing order               order=7389",
                "\u2502 a side of a box with no traceback above it");
    }

    /**
     * Sidekiq logs a failed job's backtrace joined with line breaks: the first frame on the record's line, the others
     * at the margin under it; they belong to it. A frame at the margin under a record that ends otherwise does not.
     */
    @Test
    void aRubyBacktraceUnderTheRecordOfItsFirstFrameBelongsToIt() {
        assertThat(starts(
                "2026-12-04T05:43:48.205Z pid=3001 tid=2v9 WARN: /tmp/p20/sk/worker.rb:8:in `perform'",
                "/usr/share/gems/sidekiq-6.4.1/lib/sidekiq/processor.rb:196:in `execute_job'",
                "/usr/share/gems/sidekiq-6.4.1/lib/sidekiq/processor.rb:164:in `block (2 levels) in process'",
                "/app/jobs/charge.rb:12:in 'ChargeJob#perform'",
                "2026-12-04T05:43:48.206Z pid=3001 tid=2v9 INFO: done",
                "/app/jobs/charge.rb:12:in `perform'")).containsExactly(
                "2026-12-04T05:43:48.205Z pid=3001 tid=2v9 WARN: /tmp/p20/sk/worker.rb:8:in `perform'",
                "2026-12-04T05:43:48.206Z pid=3001 tid=2v9 INFO: done",
                "/app/jobs/charge.rb:12:in `perform'");
    }

    /**
     * An exception's message may run over lines at the margin (SQLAlchemy's statement and parameters, pydantic's
     * errors per field): after a traceback's exception they belong to it until a line opens as the event did (its
     * time, numbers aside; or with a level and a colon, as Python's default format writes), and for 32 lines at most;
     * without either to tell the next event by, nothing is taken.
     */
    @Test
    void aPythonExceptionsMessageRunsOnUntilALineOpensAsTheEventDid() {
        assertThat(starts(
                "2024-03-01 12:00:01,456 ERROR [orders] could not handle order 7",
                "Traceback (most recent call last):",
                "  File \"/app/orders.py\", line 12, in handle",
                "sqlalchemy.exc.OperationalError: (sqlite3.OperationalError) no such table: orders",
                "[SQL: SELECT * FROM orders WHERE id = ?]",
                "[parameters: (7,)]",
                "(Background on this error at: https://sqlalche.me/e/14/e3q8)",
                "2024-03-01 12:00:11,012 INFO [orders] order 8 placed",
                "[SQL: not after a traceback]",
                "[2024-03-01 12:00:12,000] ERROR rejected order 9",
                "Traceback (most recent call last):",
                "  File \"/app/api.py\", line 13, in <module>",
                "pydantic_core._pydantic_core.ValidationError: 1 validation error for Order",
                "quantity",
                "  Input should be a valid integer [type=int_parsing, input_value='x', input_type=str]",
                "[2024-03-01 12:00:13,000] INFO order 10 accepted")).containsExactly(
                "2024-03-01 12:00:01,456 ERROR [orders] could not handle order 7",
                "2024-03-01 12:00:11,012 INFO [orders] order 8 placed", "[SQL: not after a traceback]",
                "[2024-03-01 12:00:12,000] ERROR rejected order 9", "[2024-03-01 12:00:13,000] INFO order 10 accepted");

        List<String> long_ = new ArrayList<>(List.of("2024-03-01 12:00:01 ERROR boom", "Traceback (most recent call "
                + "last):", "  File \"/app/a.py\", line 1, in <module>", "ValueError: many lines"));
        for (int i = 1; i <= 40; i++) {
            long_.add("line " + i + " of the message");
        }
        assertThat(starts(long_.toArray(String[]::new))).as("32 lines at most").hasSize(9)
                .contains("line 33 of the message", "line 40 of the message");
        assertThat(starts("ERROR:root:boom", "Traceback (most recent call last):", "  File \"a.py\", line 1, in f",
                "pydantic_core._pydantic_core.ValidationError: 1 validation error for Order", "quantity",
                "INFO:root:next")).as("Python's default format: the next event opens with a level and a colon")
                .containsExactly("ERROR:root:boom", "INFO:root:next");
        assertThat(starts("boom", "Traceback (most recent call last):", "  File \"a.py\", line 1, in f",
                "ValueError: bad", "next")).as("an event that opens without a time or a level")
                .containsExactly("boom", "next");
    }

    /**
     * .NET's console logger writes the level, category and event id on a line and the message under it, indented:
     * the message is joined to its header (so that it is mined), the exception and frames under it are folded, with a
     * time before the level or without; a line after the message, or a header that says more, joins nothing.
     */
    @Test
    void dotnetConsoleRecordsAreTheirHeaderAndMessageOnOneLine() {
        ContinuationLines continuations = new ContinuationLines();
        continuations.started("info: Microsoft.Hosting.Lifetime[14]");
        assertThat(continuations.joinable("      Now listening on: http://[::]:8080"))
                .isEqualTo("Now listening on: http://[::]:8080");
        assertThat(continuations.joinable("      a second line is folded, not joined")).isNull();
        continuations.started("2024-03-01T12:00:00.123Z fail: Shop.Controllers.OrdersController[0]");
        assertThat(continuations.joinable("      Order 7 failed")).isEqualTo("Order 7 failed");
        continuations.started("warn: Shop.Cache[-3] says more on its own line");
        assertThat(continuations.joinable("      not a message under it")).isNull();
        continuations.started("info: Shop.Cache[3]");
        assertThat(continuations.joinable("info: Shop.Cache[4]")).isNull();

        assertThat(starts("fail: Microsoft.AspNetCore.Diagnostics.ExceptionHandlerMiddleware[1]",
                "      An unhandled exception has occurred while executing the request.",
                "      System.InvalidOperationException: boom",
                "         at Shop.Controllers.OrdersController.Get(Int32 id) in /src/OrdersController.cs:line 20",
                "info: Microsoft.Hosting.Lifetime[0]")).containsExactly(
                "fail: Microsoft.AspNetCore.Diagnostics.ExceptionHandlerMiddleware[1]",
                "info: Microsoft.Hosting.Lifetime[0]");
    }

    /**
     * Ruby's {@code Logger} opens every record with its header, so a line without it continues the record: Rails
     * writes an exception's record with a blank message behind the request's tags and the exception, the blank line
     * and the backtrace a line each behind them. The first such line is the record's message, without the tags. A
     * line at the margin with a time of its own is another logger's (Rack's access log beside Sinatra's Logger).
     */
    @Test
    void rubyLoggerRecordsTakeTheLinesWithoutItsHeader() {
        String tag = "[1f1441d3-6194-4088-8b87-a9d2d7a163d1] ";
        assertThat(starts(
                "# Logfile created on 2024-03-01 12:00:00 +0000 by logger.rb/v1.5.0",
                "I, [2024-03-01T12:00:00.002953 #23119]  INFO -- : " + tag + "Started GET \"/orders/0\" for 10.0.0.1",
                "F, [2024-03-01T12:00:00.123578 #23119] FATAL -- : " + tag + "  ",
                tag + "ArgumentError (order 0 has no items):",
                tag + "  ",
                tag + "app/controllers/orders_controller.rb:18:in `show'",
                tag + "actionpack (6.1.7) lib/action_controller/metal/basic_implicit_render.rb:6:in `send_action'",
                "puts output folds too",
                "E, [2024-03-01T12:00:01.000000 #23119] ERROR -- app: a record of its own",
                "W, [2024-03-01T12:00:02.000000 #23119]  WARN -- : slow")).containsExactly(
                "# Logfile created on 2024-03-01 12:00:00 +0000 by logger.rb/v1.5.0",
                "I, [2024-03-01T12:00:00.002953 #23119]  INFO -- : " + tag + "Started GET \"/orders/0\" for 10.0.0.1",
                "F, [2024-03-01T12:00:00.123578 #23119] FATAL -- : " + tag + "  ",
                "E, [2024-03-01T12:00:01.000000 #23119] ERROR -- app: a record of its own",
                "W, [2024-03-01T12:00:02.000000 #23119]  WARN -- : slow");

        ContinuationLines continuations = new ContinuationLines();
        continuations.started("F, [2024-03-01T12:00:00.123578 #23119] FATAL -- : " + tag + "  ");
        assertThat(continuations.joinable(tag + "ArgumentError (order 0 has no items):"))
                .isEqualTo("ArgumentError (order 0 has no items):");
        continuations.started("F, [2024-03-01T12:00:00.123578 #23119] FATAL -- :   ");
        assertThat(continuations.joinable("ActiveRecord::RecordNotFound (Couldn't find Order):"))
                .as("without tags").isEqualTo("ActiveRecord::RecordNotFound (Couldn't find Order):");
        continuations.started("I, [2024-03-01T12:00:00.002953 #23119]  INFO -- : " + tag + "Started GET");
        assertThat(continuations.joinable(tag + "a line of a message that is not blank")).isNull();

        List<String> prints = new ArrayList<>(List.of("I, [2024-03-01T12:00:00.000000 #1]  INFO -- : booted"));
        for (int i = 0; i < 600; i++) {
            prints.add("print " + i);
        }
        assertThat(starts(prints.toArray(String[]::new))).as("512 lines at most").hasSize(1 + 600 - 512)
                .contains("print 512");

        assertThat(starts( // Sinatra on WEBrick: a Logger's record, Rack's access log, Sinatra's error report
                "W, [2026-12-03T18:27:11.932884 #18930]  WARN -- : order 1 slow",
                "127.0.0.1 - - [03/Dec/2026:18:27:11 +0000] \"GET /orders/1 HTTP/1.1\" 200 2 0.0147",
                "- -> /orders/1",
                "2026-12-03 18:27:11 - KeyError - price missing for 3:",
                "\tapp.rb:9:in `block in <main>'",
                "\tat 12:00:00 indented, a time of day: still the report's")).containsExactly(
                "W, [2026-12-03T18:27:11.932884 #18930]  WARN -- : order 1 slow",
                "127.0.0.1 - - [03/Dec/2026:18:27:11 +0000] \"GET /orders/1 HTTP/1.1\" 200 2 0.0147",
                "- -> /orders/1", // WEBrick's referer log: a line of its own after the access line
                "2026-12-03 18:27:11 - KeyError - price missing for 3:");
    }

    /**
     * Node's {@code console.log} prints an object over lines, and {@code console.error} an error's properties after
     * its stack, the closing brace at the margin: brackets alone say nothing of their own and belong to the event
     * before them, as do rules and a banner's drawing; a line that holds a word or a number does not.
     */
    @Test
    void linesWithoutAWordBelongToTheEventBeforeThem() {
        assertThat(starts(
                "2024-03-01T12:00:00.000Z info order 1 placed",
                "Error: connect ECONNREFUSED 127.0.0.1:5999",
                "    at TCPConnectWrap.afterConnect [as oncomplete] (node:net:1611:16) {",
                "  code: 'ECONNREFUSED',",
                "}",
                "2024-03-01T12:00:01.000Z info order 2 placed",
                "{",
                "  order: 3,",
                "  items: [ 1, 2, 3 ]",
                "},",
                "}) done",
                "2024-03-01T12:00:02.000Z info order 4 placed")).containsExactly(
                "2024-03-01T12:00:00.000Z info order 1 placed", "Error: connect ECONNREFUSED 127.0.0.1:5999",
                "2024-03-01T12:00:01.000Z info order 2 placed", "}) done",
                "2024-03-01T12:00:02.000Z info order 4 placed");
        assertThat(starts(
                "  .   ____          _            __ _ _",
                " /\\\\ / ___'_ __ _ _(_)_ __  __ _ \\ \\ \\ \\",
                "( ( )\\___ | '_ | '_| | '_ \\/ _` | \\ \\ \\ \\",
                " =========|_|==============|___/=/_/_/_/",
                " :: Spring Boot ::                (v3.3.5)",
                "2024-03-01T12:00:00.000Z  INFO 4490 --- [main] c.a.Shop : Starting Shop",
                "*************************",
                "2024-03-01T12:00:01.000Z  INFO 4490 --- [main] c.a.Shop : Started Shop")).containsExactly(
                "  .   ____          _            __ _ _",
                "2024-03-01T12:00:00.000Z  INFO 4490 --- [main] c.a.Shop : Starting Shop",
                "2024-03-01T12:00:01.000Z  INFO 4490 --- [main] c.a.Shop : Started Shop");
        assertThat(ContinuationLines.saysNothing("]);")).isTrue();
        assertThat(ContinuationLines.saysNothing("}}}}}")).isTrue();
        assertThat(ContinuationLines.saysNothing("}) done")).isFalse();
        assertThat(ContinuationLines.saysNothing("-- 1 --")).isFalse();
        assertThat(ContinuationLines.saysNothing("   ")).isFalse();
    }

    @Test
    void chainedTracebacksQualifiedAndBareExceptionsStayInOneEvent() {
        assertThat(starts(
                "ERROR:root:sync failed",
                "Traceback (most recent call last):",
                "  File \"/app/sync.py\", line 10, in fetch",
                "KeyboardInterrupt",
                "During handling of the above exception, another exception occurred:",
                "Traceback (most recent call last):",
                "  File \"/app/sync.py\", line 14, in sync",
                "requests.exceptions.ConnectionError: HTTPSConnectionPool(host='api', port=443)",
                "The above exception was the direct cause of the following exception:",
                "Traceback (most recent call last):",
                "  File \"/app/main.py\", line 3, in <module>",
                "app.errors.SyncError",
                "INFO:root:retrying")).containsExactly("ERROR:root:sync failed", "INFO:root:retrying");
    }

    @Test
    void aTracebackCutBeforeItsExceptionEndsAtTheNextLineThatIsNoException() {
        assertThat(starts(
                "2024-03-01 12:00:01 ERROR boom",
                "Traceback (most recent call last):",
                "  File \"/app/jobs.py\", line 88, in run",
                "2024-03-01 12:00:02 INFO next",
                "NotAnException: at the margin outside a traceback")).containsExactly(
                "2024-03-01 12:00:01 ERROR boom", "2024-03-01 12:00:02 INFO next",
                "NotAnException: at the margin outside a traceback");
    }

    @Test
    void aFileMayOpenWithATraceback() {
        assertThat(starts(
                "Traceback (most recent call last):",
                "  File \"/app/main.py\", line 1, in <module>",
                "ImportError: No module named 'yaml'",
                "starting again")).containsExactly("Traceback (most recent call last):", "starting again");
    }

    @Test
    void aGoroutineDumpBelongsToThePanicAboveIt() {
        assertThat(starts(
                "2024/03/01 12:00:02 http: panic serving 10.0.0.7:51234: runtime error: nil pointer dereference",
                "goroutine 33 [running]:",
                "net/http.(*conn).serve.func1()",
                "\t/usr/local/go/src/net/http/server.go:1868 +0xb9",
                "panic({0x6a1b20?, 0x8e5c70?})",
                "main.(*Server).handle(0x0, {0x7a2f18, 0xc0001a2000})",
                "...additional frames elided...",
                "created by net/http.(*Server).Serve in goroutine 1",
                "goroutine 7 [chan receive, 2 minutes]:",
                "main.worker()",
                "2024/03/01 12:00:03 handled GET /healthz (1.1ms)",
                "exit status 2")).containsExactly(
                "2024/03/01 12:00:02 http: panic serving 10.0.0.7:51234: runtime error: nil pointer dereference",
                "2024/03/01 12:00:03 handled GET /healthz (1.1ms)", "exit status 2");
    }

    @Test
    void aPhpStackTraceBelongsToTheErrorAboveIt() {
        assertThat(starts(
                "[01-Mar-2024 12:00:00 UTC] PHP Fatal error:  Uncaught Exception: inner in /var/www/a.php:3",
                "Stack trace:",
                "#0 /var/www/index.php(10): run()",
                "#1 {main}",
                "Next RuntimeException: outer in /var/www/a.php:5",
                "Stack trace:",
                "#0 {main}",
                "  thrown in /var/www/a.php on line 5",
                "[2024-03-01 12:00:01] production.ERROR: boom {\"exception\":\"[object] (RuntimeException(code: 0))",
                "[stacktrace]",
                "#0 /var/www/app/Http/Controllers/Orders.php(54): App\\Orders->index()",
                "#1 {main}",
                "\"} ",
                "#2 outside a trace",
                "[2024-03-01 12:00:02] production.INFO: ok")).containsExactly(
                "[01-Mar-2024 12:00:00 UTC] PHP Fatal error:  Uncaught Exception: inner in /var/www/a.php:3",
                "[2024-03-01 12:00:01] production.ERROR: boom {\"exception\":\"[object] (RuntimeException(code: 0))",
                "#2 outside a trace", "[2024-03-01 12:00:02] production.INFO: ok");
    }

    @Test
    void javaMarkersAndIndentedLinesContinueAndLinesAtTheMarginDoNot() {
        assertThat(starts(
                "12:00:00 ERROR a.B: boom",
                "\tat a.B.run(B.java:10)",
                "Caused by: java.io.IOException: disk",
                "\t... 3 more",
                "Suppressed: java.lang.Exception: close",
                "main.main()",
                "ValueError: outside a traceback")).containsExactly("12:00:00 ERROR a.B: boom", "main.main()",
                "ValueError: outside a traceback");
    }

    @Test
    void theShapesOfExceptionsAndFramesAreToldApart() {
        assertThat(ContinuationLines.isPythonException("ValueError: x")).isTrue();
        assertThat(ContinuationLines.isPythonException("a.b.C_1")).isTrue();
        assertThat(ContinuationLines.isPythonException("2024-03-01 ERROR x")).isFalse();
        assertThat(ContinuationLines.isPythonException("Job 42 failed")).isFalse();
        assertThat(ContinuationLines.isPythonException("a..b: x")).isFalse();
        assertThat(ContinuationLines.isGoroutineHeader("goroutine 1 [running]:")).isTrue();
        assertThat(ContinuationLines.isGoroutineHeader("goroutine x [running]:")).isFalse();
        assertThat(ContinuationLines.isGoroutineHeader("goroutine 1 started")).isFalse();
        assertThat(ContinuationLines.isGoFrame("runtime.gopark(0x0?, 0x0?)")).isTrue();
        assertThat(ContinuationLines.isGoFrame("2024/03/01 12:00:00 call(x)")).isFalse();
        assertThat(ContinuationLines.isGoFrame("main.main")).isFalse();
        assertThat(ContinuationLines.isGoFunction("main.main")).isTrue();
        assertThat(ContinuationLines.isGoFunction("github.com/acme/db.(*Pool).Query.func1")).isTrue();
        assertThat(ContinuationLines.isGoFunction("done.")).isFalse();
        assertThat(ContinuationLines.isGoFunction("v1.2.3")).isFalse();
        assertThat(ContinuationLines.isGoFunction("order placed.")).isFalse();
        assertThat(ContinuationLines.isGoFileLine("\t/app/main.go:48 +0x1d")).isTrue();
        assertThat(ContinuationLines.isGoFileLine("    /app/main.go:48")).isFalse();
        assertThat(ContinuationLines.isGoFileLine("\t/app/main.go")).isFalse();
        assertThat(ContinuationLines.mayOpenTrace("java.lang.IllegalStateException: boom")).isTrue();
        assertThat(ContinuationLines.mayOpenTrace("a.B$Inner")).isTrue();
        assertThat(ContinuationLines.mayOpenTrace("TypeError: x is undefined")).isTrue();
        assertThat(ContinuationLines.mayOpenTrace("java.lang.exception: lower case")).isFalse();
        assertThat(ContinuationLines.mayOpenTrace("Exception in thread \"main\" java.lang.Error")).isFalse();
        assertThat(ContinuationLines.mayOpenTrace("Job 42 failed")).isFalse();
        assertThat(ContinuationLines.isFrame("\tat a.B.run(B.java:10)")).isTrue();
        assertThat(ContinuationLines.isFrame("   at System.Linq.Enumerable.First()")).isTrue();
        assertThat(ContinuationLines.isFrame("at the margin")).isFalse();
        assertThat(ContinuationLines.isFrame("    attempt 2")).isFalse();
        assertThat(ContinuationLines.isPhpTraceHeader("Stack trace:  ")).isTrue();
        assertThat(ContinuationLines.isPhpTraceHeader("[stacktrace]")).isTrue();
        assertThat(ContinuationLines.isPhpTraceHeader("Stack trace: printed below")).isFalse();
        assertThat(ContinuationLines.isPhpFrame("#12 {main}")).isTrue();
        assertThat(ContinuationLines.isPhpFrame("#hashtag trending")).isFalse();
        assertThat(ContinuationLines.isPhpFrame("#1")).isFalse();
    }
}
