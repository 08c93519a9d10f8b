package dev.sloscout.engine.redact;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class BoundStatementsTest {
    private final Redactor redactor = new Redactor();
    private final BoundStatements statements = new BoundStatements(redactor);

    /** Each record read in order from one source; what each became. */
    private List<String> read(String... records) {
        List<String> out = new ArrayList<>();
        for (String record : records) {
            out.add(statements.read("app.log", record, ""));
        }
        return out;
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("producers")
    void redactsWhatIsBoundToASecretsColumnOnALaterRecord(String producer, String statement, String bound,
            String expected) {
        assertThat(read(statement, bound)).containsExactly(statement, expected);
    }

    static Stream<Arguments> producers() {
        return Stream.of(
                Arguments.of("Hibernate 6.2 on", "DEBUG org.hibernate.SQL - insert into app_user "
                                + "(api_key,password,username,id) values (?,?,?,?)",
                        "TRACE org.hibernate.orm.jdbc.bind - binding parameter (2:VARCHAR) <- [s3 cret]",
                        "TRACE org.hibernate.orm.jdbc.bind - binding parameter (2:VARCHAR) <- [<SECRET:password>]"),
                Arguments.of("Hibernate 5", "Hibernate: select u.id from users u where u.name=? and u.password=?",
                        "TRACE o.h.type.descriptor.sql.BasicBinder - binding parameter [2] as [VARCHAR] - [s3 [x]]",
                        "TRACE o.h.type.descriptor.sql.BasicBinder - binding parameter [2] as [VARCHAR] - "
                                + "[<SECRET:password>]"),
                Arguments.of("Spring's JDBC", "DEBUG JdbcTemplate - Executing prepared SQL statement [update users "
                                + "set api_token = ? where id = ?]",
                        "TRACE StatementCreatorUtils - Setting SQL statement parameter value: column index 1, "
                                + "parameter value [k3yAbc123def456], value class [java.lang.String], SQL type unknown",
                        "TRACE StatementCreatorUtils - Setting SQL statement parameter value: column index 1, "
                                + "parameter value [<SECRET:token>], value class [java.lang.String], SQL type unknown"),
                Arguments.of("MyBatis", "DEBUG UserMapper.insert - ==>  Preparing: insert into users (username, "
                                + "password, note) values (?, ?, ?)",
                        "DEBUG UserMapper.insert - ==> Parameters: bob(String), s3 cret(String), null",
                        "DEBUG UserMapper.insert - ==> Parameters: bob(String), <SECRET:password>(String), null"),
                Arguments.of("SQLAlchemy on SQLite", "INFO sqlalchemy.engine.Engine INSERT INTO users (username, "
                                + "password) VALUES (?, ?)",
                        "INFO sqlalchemy.engine.Engine [generated in 0.00009s] ('bob', 'it\\'s s3 cret')",
                        "INFO sqlalchemy.engine.Engine [generated in 0.00009s] ('bob', '<SECRET:password>')"),
                Arguments.of("SQLAlchemy on MySQL, cached", "INFO sqlalchemy.engine.Engine UPDATE users SET "
                                + "`password`=%s WHERE users.id = %s",
                        "INFO sqlalchemy.engine.Engine [cached since 2.013s ago] ('s3 cret', 7)",
                        "INFO sqlalchemy.engine.Engine [cached since 2.013s ago] ('<SECRET:password>', 7)"),
                Arguments.of("SQLAlchemy's rows", "DEBUG sqlalchemy.engine.Engine Col ('id', 'username', 'password')",
                        "DEBUG sqlalchemy.engine.Engine Row (1, 'bob', 's3 cret')",
                        "DEBUG sqlalchemy.engine.Engine Row (1, 'bob', '<SECRET:password>')"),
                Arguments.of("Hibernate's extracted values", "DEBUG org.hibernate.SQL - select a1_0.id,a1_0.api_token,"
                                + "a1_0.password from accounts a1_0 where a1_0.id=?",
                        "TRACE org.hibernate.orm.jdbc.extract - extracted value (3:VARCHAR) -> [s3 cret]",
                        "TRACE org.hibernate.orm.jdbc.extract - extracted value (3:VARCHAR) -> [<SECRET:password>]"),
                Arguments.of("MyBatis's rows", "TRACE UserMapper.all - <==    Columns: ID, USERNAME, PASSWORD",
                        "TRACE UserMapper.all - <==        Row: 1, bob, s3 cret",
                        "TRACE UserMapper.all - <==        Row: 1, bob, <SECRET:password>"));
    }

    @Test
    void aStatementGoesOnInTheRecordsContinuation() {
        String select = "INFO sqlalchemy.engine.Engine SELECT users.id, users.password ";
        assertThat(statements.read("app.log", select, "FROM users \nWHERE users.password = ?")).isSameAs(select);
        assertThat(read("INFO sqlalchemy.engine.Engine [generated in 0.0001s] ('s3 cret',)"))
                .containsExactly("INFO sqlalchemy.engine.Engine [generated in 0.0001s] ('<SECRET:password>',)");
    }

    @Test
    void keepsTheStatementOverRecordsBetweenAndCountsEachValueUnderItsSource() {
        assertThat(read("Executing prepared SQL statement [select id from users where password = ?]",
                "Fetching JDBC Connection from DataSource",
                "Setting SQL statement parameter value: column index 1, parameter value [s3 cret], value class [",
                "Setting SQL statement parameter value: column index 1, parameter value [0ther], value class ["))
                .allMatch(r -> !r.contains("s3 cret") && !r.contains("0ther"));
        assertThat(redactor.redactions().snapshot()).isEqualTo(Map.of("app.log", Map.of("password", 2L)));
    }

    @Test
    void leavesWhatNoSecretsColumnNames() {
        String[] records = {
            // bound to other columns, or to a statement of another source, or to none
            "binding parameter (1:VARCHAR) <- [before any statement]",
            "insert into users (username, password) values (?, ?)",
            "binding parameter (1:VARCHAR) <- [bob]",
            "binding parameter (3:VARCHAR) <- [beyond the placeholders]",
            "binding parameter (0:VARCHAR) <- [before the first]",
            "Setting SQL statement parameter value: column index 0, parameter value [none], value class [",
            "binding parameter (2:VARCHAR) <- [null]",
            // a newer statement with no secret's column takes the place of the last one
            "select id from users where username = ? and note = '?'",
            "binding parameter (2:VARCHAR) <- [not the password's]",
            "Row (1, 'no columns named')"};
        assertThat(read(records)).containsExactly(records);
        assertThat(statements.read("other.log", "binding parameter (2:VARCHAR) <- [x]", ""))
                .isEqualTo("binding parameter (2:VARCHAR) <- [x]");
        assertThat(redactor.redactions().isEmpty()).isTrue();
    }

    @Test
    void aPlaceholderIsNeitherInALiteralNorAQuestionNorAUrlsQuery() {
        assertThat(read("select id from users where note = '?' and password = ?",
                "GET /users?page=2 HTTP/1.1 (select what?)",
                "binding parameter (1:VARCHAR) <- [s3 cret]"))
                .last().isEqualTo("binding parameter (1:VARCHAR) <- [<SECRET:password>]");
    }

    /** A bound value of 210,000 characters, and parameters with no type to end them, each read in one pass. */
    @Test
    void aHugeBoundValueIsRead() {
        String huge = "xY7(".repeat(70_000);
        assertThat(read("update users set password = ?", "binding parameter (1:VARCHAR) <- [" + huge + "]",
                "==> Parameters: " + huge, "Setting SQL statement parameter value: column index 1, parameter value ["
                        + huge + "], value class [java.lang.String]"))
                .containsExactly("update users set password = ?",
                        "binding parameter (1:VARCHAR) <- [<SECRET:password>]", "==> Parameters: " + huge,
                        "Setting SQL statement parameter value: column index 1, parameter value [<SECRET:password>], "
                                + "value class [java.lang.String]");
    }

    @Test
    void aSelectListNamesItsColumnsByPlaceWithoutPlaceholders() {
        String select = "select \"USERS\".\"ID\", u.password as hint, count(*), upper(x, y) as shouted, "
                + "coalesce(u.pw, '') as password, \"PASSWORD\" from users";
        assertThat(read(select, "extracted value (2:VARCHAR) -> [s3 cret]", "extracted value (3:INTEGER) -> [7]",
                "extracted value (4:VARCHAR) -> [SHOUTED]", "extracted value (5:VARCHAR) -> [0ther]",
                "extracted value (6:VARCHAR) -> [s3 cret]"))
                .containsExactly(select, "extracted value (2:VARCHAR) -> [<SECRET:password>]",
                        "extracted value (3:INTEGER) -> [7]", "extracted value (4:VARCHAR) -> [SHOUTED]",
                        "extracted value (5:VARCHAR) -> [<SECRET:password>]",
                        "extracted value (6:VARCHAR) -> [<SECRET:password>]");
    }

    /** jOOQ's fetched result at DEBUG: a table a record a line, each after the log's header. */
    @Test
    void aTextTablesRowsLoseTheCellsUnderASecretsColumn() {
        String at = "DEBUG org.jooq.tools.LoggerListener - ";
        assertThat(read(at + "Fetched result           : +----+--------+-----------+",
                at + "                         : |  ID|USERNAME|PASSWORD   |",
                at + "                         : +----+--------+-----------+",
                at + "                         : |   1|bob     |s3 cret    |",
                at + "                         : |   2|eve     |{null}     |",
                at + "                         : |   3|three   |cells  |too many|",
                at + "                         : |   5|bar     |s3|cret    |",
                at + "                         : +----+--------+-----------+",
                at + "                         : |   4|after   |the table  |",
                at + "Fetched row(s)           : 2"))
                .containsExactly(at + "Fetched result           : +----+--------+-----------+",
                        at + "                         : |  ID|USERNAME|PASSWORD   |",
                        at + "                         : +----+--------+-----------+",
                        at + "                         : |   1|bob     |<SECRET:password>    |",
                        at + "                         : |   2|eve     |{null}     |",
                        at + "                         : |   3|three   |cells  |too many|",
                        at + "                         : |   5|bar     |<SECRET:password>    |",
                        at + "                         : +----+--------+-----------+",
                        at + "                         : |   4|after   |the table  |",
                        at + "Fetched row(s)           : 2");
    }

    @Test
    void aNewStatementForgetsTheLastResultsColumns() {
        assertThat(read("Col ('id', 'password')", "SELECT id FROM users WHERE name = ?", "Row (1, 'kept')"))
                .containsExactly("Col ('id', 'password')", "SELECT id FROM users WHERE name = ?", "Row (1, 'kept')");
    }

    /** Two threads' records interleaved: each value paired with its own thread's statement. */
    @ParameterizedTest(name = "{0}")
    @MethodSource("threadedLayouts")
    void pairsAValueWithItsOwnThreadsStatement(String layout, String header) {
        String accounts = "insert into accounts (username,password,id) values (?,?,?)";
        String notes = "insert into notes (title,body,id) values (?,?,?)";
        assertThat(read(record(header, "exec-1", accounts), record(header, "exec-2", notes),
                record(header, "exec-1", "binding parameter (2:VARCHAR) <- [s3 cret]"),
                record(header, "exec-2", "binding parameter (2:VARCHAR) <- [plain body]")).subList(2, 4))
                .containsExactly(record(header, "exec-1", "binding parameter (2:VARCHAR) <- [<SECRET:password>]"),
                        record(header, "exec-2", "binding parameter (2:VARCHAR) <- [plain body]"));
    }

    static Stream<Arguments> threadedLayouts() {
        return Stream.of(Arguments.of("Logback's pattern", "2026-12-08 00:46:01.510 TRACE [%s] org.hibernate - %s"),
                Arguments.of("Quarkus's", "00:46:20,764 TRACE [o.h.orm.jdbc.bind] (%s) %s"),
                Arguments.of("Logback's JSON", "{\"level\":\"TRACE\",\"threadName\":\"%s\",\"message\":\"%s\","
                        + "\"arguments\": []}"));
    }

    private static String record(String header, String thread, String message) {
        return String.format(header, thread, message);
    }

    @Test
    void twoThreadsTablesInterleavedAreEachReadUnderTheirOwnHeader() {
        String one = "DEBUG [exec-1] org.jooq.tools.LoggerListener - : ";
        String two = "DEBUG [exec-2] org.jooq.tools.LoggerListener - : ";
        assertThat(read(one + "+----+-----------+", two + "+----+--------+", one + "|  ID|PASSWORD   |",
                two + "|  ID|TITLE   |", one + "+----+-----------+", two + "+----+--------+", two + "|   1|kept    |",
                one + "|   1|s3 cret    |", two + "+----+--------+", one + "|   2|s3 cret    |",
                one + "+----+-----------+", two + "|   2|after   |"))
                .containsExactly(one + "+----+-----------+", two + "+----+--------+", one + "|  ID|PASSWORD   |",
                        two + "|  ID|TITLE   |", one + "+----+-----------+", two + "+----+--------+",
                        two + "|   1|kept    |", one + "|   1|<SECRET:password>    |", two + "+----+--------+",
                        one + "|   2|<SECRET:password>    |", one + "+----+-----------+",
                        two + "|   2|after   |");
    }

    @Test
    void aValueOfAThreadWhoseStatementWasNotSeenIsPairedWithTheSourcesLast() {
        assertThat(read("12:00:00.000 [exec-1] DEBUG SQL - update users set password = ? where id = ?",
                "12:00:00.001 [exec-9] TRACE bind - binding parameter (1:VARCHAR) <- [s3 cret]",
                "12:00:00.002 TRACE bind - binding parameter (1:VARCHAR) <- [s3 cret]"))
                .containsExactly("12:00:00.000 [exec-1] DEBUG SQL - update users set password = ? where id = ?",
                        "12:00:00.001 [exec-9] TRACE bind - binding parameter (1:VARCHAR) <- [<SECRET:password>]",
                        "12:00:00.002 TRACE bind - binding parameter (1:VARCHAR) <- [<SECRET:password>]");
    }

    @Test
    void keepsTheStatementsOfTheMostRecentThreadsOnly() {
        read("[exec-0] SQL - update users set password = ? where id = ?");
        for (int i = 1; i <= BoundStatements.THREADS; i++) {
            read("[exec-" + i + "] SQL - update notes set body = ? where id = ?");
        }
        String newest = "[exec-" + BoundStatements.THREADS + "] bind - binding parameter (1:VARCHAR) <- [body]";
        assertThat(read(newest, "[exec-0] bind - binding parameter (1:VARCHAR) <- [s3 cret]"))
                .as("the oldest thread's statement forgotten, the source's last one stands for it")
                .containsExactly(newest, "[exec-0] bind - binding parameter (1:VARCHAR) <- [s3 cret]");
    }

    /** A record printing its own statement and values on one line is no value of the statement before it. */
    @Test
    void aRecordWithItsOwnStatementOnItsLineIsPairedWithNoEarlierOne() {
        String typeorm = "query: UPDATE \"notes\" SET \"body\" = $1 WHERE \"Row\" = $2 "
                + "-- PARAMETERS: [\"plain note\",7]";
        assertThat(read("DEBUG org.hibernate.SQL - update users set password=? where id=?", typeorm).get(1))
                .isSameAs(typeorm);
        assertThat(redactor.redact(typeorm)).isEqualTo(typeorm);
    }

    /** A JSON record's message ends at its string's quote: brackets and fields after it are no value's. */
    @Test
    void aValueInAJsonRecordEndsWithItsMessage() {
        String json = "{\"message\":\"%s\",\"arguments\": [],\"tags\":[\"a\"]}";
        assertThat(read(String.format(json, "insert into users (username,password,token) values (?,?,?)"),
                String.format(json, "binding parameter (2:VARCHAR) <- [s3 \\\"cret]"),
                String.format(json, "==> Parameters: bob(String), s3 cret(String), t0k3n(String)")).subList(1, 3))
                .containsExactly(String.format(json, "binding parameter (2:VARCHAR) <- [<SECRET:password>]"),
                        String.format(json, "==> Parameters: bob(String), <SECRET:password>(String), "
                                + "<SECRET:token>(String)"));
    }
}
