package dev.sloscout.engine.capsule;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class MessageTokenizerTest {
    private final MessageTokenizer tokenizer = new MessageTokenizer();

    private List<String> tokens(String message) {
        Tokens out = new Tokens();
        tokenizer.tokenize(message, 0, out);
        return new ArrayList<>(List.of(out.toArray()));
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', value = {
        "42|<NUM>", "-3.5|<NUM>", "1,024|<NUM>", "0x7f3a|<HEX>", "deadbeef0042|<HEX>",
        "123e4567-e89b-12d3-a456-426614174000|<UUID>", "10.0.0.1|<IP>", "10.0.0.1:8080|<IP:PORT>",
        "/10.250.19.102:54106|<IP:PORT>", "fe80::1ff:fe23:4567:890a|<IP>", "/var/log/app.log|<PATH>",
        "C:\\temp\\x.txt|<PATH>", "https://example.com/a?b=1|<URL>", "jane.doe@example.com|<EMAIL>",
        "ops@shop.example.co.uk|<EMAIL>", "/var/lib/rabbitmq/mnesia/rabbit@vm-1.pid|<PATH>",
        "10.0.0.1#53|<IP:PORT>", "127.0.0.1@5353|<IP:PORT>", "::|<IP>",
        "250ms|<DURATION>", "1.5s|<DURATION>", "3m20s|<DURATION>", "64MB|<SIZE>", "4KiB|<SIZE>",
        "blk_-1608999687919862906|<*>", "appattempt_1445144423722_0020_000001|<*>", "terminating|terminating",
        "DHCP4_LEASE_ADVERT|DHCP4_LEASE_ADVERT", "HTTP2_PROTOCOL_ERROR|HTTP2_PROTOCOL_ERROR", "DHCPv4|DHCPv4",
        "IPv6|IPv6", "TLSv1.3|TLSv1.3", "ORDER_12345|<*>", "TXN_8F3A2C|<*>", "DHCP4|<*>", "Hv2|<*>", "job_42_A|<*>",
    })
    void masksTypedVariables(String token, String expected) {
        assertThat(tokens(token)).containsExactly(expected);
    }

    /** A comment's opening is no path, though it opens with a slash (H2's trace writes its statements after one). */
    @Test
    void aCommentsOpeningIsNoPath() {
        assertThat(tokens("/*SQL t:4*/CREATE TABLE orders")).doesNotContain("<PATH>").contains("TABLE", "orders");
        assertThat(tokens("( /* key:1 */ 1, 'A-1')")).doesNotContain("<PATH>");
        assertThat(tokens("/**/stat0.execute(\"SELECT 1\");")).doesNotContain("<PATH>");
        assertThat(tokens("opened /var/lib/h2/db")).contains("<PATH>");
    }

    /** A Java object's identity followed by its state is no mail address, whatever dots its state holds. */
    @Test
    void anObjectsIdentityIsNoMailAddress() {
        assertThat(tokens("Started ServerConnector@5419f379{HTTP/1.1, (http/1.1)}")).doesNotContain("<EMAIL>");
        assertThat(tokens("Started oejs.Server@71c7db30{STARTING}[12.0.14,sto=0]")).doesNotContain("<EMAIL>");
        assertThat(tokens("mail to <jane@example.com>")).contains("<EMAIL>");
    }

    @Test
    void splitsPunctuationGluedToWords() {
        assertThat(tokens("Connection closed by [10.0.0.1] (uid=0): done."))
                .containsExactly("Connection", "closed", "by", "[", "<IP>", "]", "(", "uid=", "<NUM>", ")", ":",
                        "done", ".");
        assertThat(tokens("Calibrating delay loop... 1.2 BogoMIPS")).containsExactly("Calibrating", "delay", "loop",
                "...", "<NUM>", "BogoMIPS");
    }

    /**
     * An address in brackets with its port is one value, as an address with its port is: Go's listeners ({@code
     * [::]:22000}), exim's ({@code [127.0.0.1]:25 [::1]:25}); an address in brackets without a port, or a bracket
     * holding no address, is read as before.
     */
    @Test
    void anAddressInBracketsWithItsPortIsOneValue() {
        assertThat(tokens("TCP listener ([::]:22000) starting")).containsExactly("TCP", "listener", "(", "<IP:PORT>",
                ")", "starting");
        assertThat(tokens("listening for SMTP on [127.0.0.1]:25 [::1]:25")).endsWith("on", "<IP:PORT>", "<IP:PORT>");
        assertThat(tokens("closed by [10.0.0.1] now")).containsExactly("closed", "by", "[", "<IP>", "]", "now");
        assertThat(tokens("key [cart]:7 missing")).startsWith("key", "[");
    }

    /**
     * A link-local IPv6 address with its zone, the interface's name or index after a percent sign, is an address,
     * alone or in brackets with its port (ntpd's {@code Listen normally on 6 eth0 [fe80::fc:ff:fe00:1%4]:123}); a
     * percent sign after no address, or before more than a name, is read as before.
     */
    @Test
    void anAddressWithItsZoneIsAnAddress() {
        assertThat(tokens("Listen normally on 6 eth0 [fe80::fc:ff:fe00:1%4]:123")).endsWith("<IP:PORT>");
        assertThat(tokens("solicit from fe80::1%eth0 on 2")).containsExactly("solicit", "from", "<IP>", "on",
                "<NUM>");
        assertThat(tokens("a:b:c%d")).containsExactly("a:b:c%d");
        assertThat(tokens("fe80::1%eth0/64")).doesNotContain("<IP>");
    }

    /**
     * Go's network errors name a connection's two ends joined by an arrow ({@code read tcp
     * 127.0.0.1:2379->127.0.0.1:58126: ...}): each end an address of its own, where the pair was one {@code <*>} and a
     * pair of bracketed IPv6 ends fell apart into its characters, a template per port. An arrow between words stays.
     */
    @Test
    void twoAddressesJoinedByAnArrowAreEachAnAddress() {
        assertThat(tokens("read tcp 127.0.0.1:2379->127.0.0.1:58126: read: connection reset by peer"))
                .startsWith("read", "tcp", "<IP:PORT>", "-", ">", "<IP:PORT>", ":", "read", ":");
        assertThat(tokens("conn [::1]:5432->[::1]:40000 closed")).isEqualTo(tokens("conn [::1]:5432->[::1]:41 closed"))
                .containsExactly("conn", "<IP:PORT>", "-", ">", "<IP:PORT>", "closed");
        assertThat(tokens("(10.0.0.1->10.0.0.2)")).containsExactly("(", "<IP>", "-", ">", "<IP>", ")");
        assertThat(tokens("state CONNECTING->READY")).containsExactly("state", "CONNECTING->READY");
    }

    /**
     * A tag in brackets with a value glued after it is the tag and the value (OpenVPN's {@code
     * [AF_INET]127.0.0.1:1194}, one address whoever the peer, where the bracket was lost and the rest one {@code <*>});
     * a bracket closing at the word's end, or before a colon, is read as before.
     */
    @Test
    void aTagInBracketsKeepsItsValueApart() {
        assertThat(tokens("Peer Connection Initiated with [AF_INET]127.0.0.1:11940")).endsWith("with", "[", "AF_INET",
                "]", "<IP:PORT>");
        assertThat(tokens("link local (bound): [AF_INET][undef]:11941")).containsSubsequence("[", "AF_INET", "]", "[");
        assertThat(tokens("sent [preauth]")).containsExactly("sent", "[", "preauth", "]");
        assertThat(tokens("key [cart]:7 missing")).doesNotContain("cart");
    }

    /**
     * A word of fields joined by semicolons is read field by field: Nagios logs a check's host, service, state and
     * output so ({@code web01;HTTP;CRITICAL;HARD;1;TCP CRITICAL - ...}), which was one {@code <*>} that put every
     * alert of one output in one template whatever its service and state. A semicolon ending a word is punctuation,
     * and a URL keeps its parameters.
     */
    @Test
    void fieldsJoinedBySemicolonsAreReadOneByOne() {
        assertThat(tokens("SERVICE ALERT: web01;Redis;CRITICAL;HARD;2;TCP CRITICAL - refused")).containsExactly(
                "SERVICE", "ALERT", ":", "<*>", ";", "Redis", ";", "CRITICAL", ";", "HARD", ";", "<NUM>", ";", "TCP",
                "CRITICAL", "-", "refused");
        assertThat(tokens("name=Core Worker 10380;pid=10380")).endsWith("Worker", "<NUM>", ";", "pid=", "<NUM>");
        assertThat(tokens("a;;b")).containsExactly("a", ";", ";", "b");
        assertThat(tokens("done; next;")).containsExactly("done", ";", "next", ";");
        assertThat(tokens("GET http://shop.example/a;jsessionid=1f2e")).containsExactly("GET", "<URL>");
    }

    /**
     * A number ending a sentence or an ellipsis is a number and its dots, however many digits it has: a message
     * logged with 1 and with 10 is one template ({@code Running database migration 10...}, syncthing's).
     */
    @Test
    void aNumberBeforeAFullStopIsANumberWhateverItsLength() {
        assertThat(tokens("Running database migration 1...")).endsWith("<NUM>", "...");
        assertThat(tokens("Running database migration 10...")).endsWith("<NUM>", "...");
        assertThat(tokens("retrying in 15.")).containsExactly("retrying", "in", "<NUM>", ".");
        assertThat(tokens("load was 3.25.")).containsExactly("load", "was", "<NUM>", ".");
        assertThat(tokens("reached 10.0.0.1.")).containsExactly("reached", "<IP>", ".");
    }

    @Test
    void keyValuesKeepTheKeyAndMaskTypedValues() {
        assertThat(tokens("logname= uid=0 tty=ssh rhost=1.2.3.4 user=root"))
                .containsExactly("logname=", "uid=", "<NUM>", "tty=", "ssh", "rhost=", "<IP>", "user=", "root");
    }

    @Test
    void quotedStringsAreTokenisedNotErased() {
        assertThat(tokens("query \"select * from t\" took 5 ms q=\"two words\" ok"))
                .containsExactly("query", "\"", "select", "*", "from", "t", "\"", "took", "<DURATION>", "q=", "\"", "two",
                        "words", "\"", "ok");
        assertThat(tokens("10.0.0.1 \"GET /v2/orders HTTP/1.1\" status: 200"))
                .as("the method of a quoted request line is kept: GET and POST are two events")
                .containsExactly("<IP>", "\"", "GET", "<PATH>", "<*>", "\"", "status", ":", "<NUM>");
        assertThat(tokens("\"GET / HTTP/1.1\" 200")).as("the root path is a path as any other request's")
                .containsExactly("\"", "GET", "<PATH>", "<*>", "\"", "<NUM>");
        assertThat(tokens("GET / 404 read / write FORGET / x")).containsExactly("GET", "<PATH>", "<NUM>", "read", "/",
                "write", "FORGET", "/", "x");
        assertThat(tokens("event=done level=info timestamp=2026-12-03T20:27:18.905633Z at=12:00 n=20261203"))
                .as("a key's value that is a time, whole").containsExactly("event=", "done", "level=", "info",
                        "timestamp=", "<TIME>", "at=", "<*>", "n=", "<NUM>");
        assertThat(tokens("msg=\"Server started\" port=8080")).containsExactly("msg=", "\"", "Server", "started", "\"",
                "port=", "<NUM>");
        assertThat(tokens("empty \"\" value")).containsExactly("empty", "\"", "<STR>", "\"", "value");
        assertThat(tokens("Can't find child")).containsExactly("Can't", "find", "child");
    }

    /**
     * A quote closing one opened in the same token stays with it: Monolog's context reads the same whether its last
     * value is a string or a number, so one message with either is one event; a quote with no partner in the token
     * is punctuation, as before.
     */
    @Test
    void aQuoteClosingOneOpenedInItsTokenStaysWithIt() {
        assertThat(tokens("order placed {\"order_id\":1000,\"user\":\"alice\"} []"))
                .isEqualTo(tokens("order placed {\"user\":\"alice\",\"order_id\":1000} []"))
                .containsExactly("order", "placed", "{", "<*>", "}", "[", "]");
        assertThat(tokens("user:\"alice\" done")).containsExactly("user:", "\"alice\"", "done");
        assertThat(tokens("the users' files")).containsExactly("the", "users", "'", "files");
    }

    /** A bound is one value only when no {@code >} follows anywhere in the body; brackets peel by their own opener. */
    @Test
    void boundsAndBracketsAreReadAgainstTheWholeBody() {
        assertThat(tokens("took <5 ms")).containsExactly("took", "<DURATION>");
        assertThat(tokens("x> then <5 ms")).containsExactly("x", ">", "then", "<DURATION>");
        assertThat(tokens("took <5 ms for <b>")).containsExactly("took", "<", "<DURATION>", "for", "<", "b", ">");
        assertThat(tokens("<5> done")).containsExactly("<", "<NUM>", ">", "done");
        assertThat(tokens("(a b) c) f(x) g(1)"))
                .containsExactly("(", "a", "b", ")", "c", ")", "f(x)", "g(", "<NUM>", ")");
        assertThat(tokens("[x y] z] taskID[12] q"))
                .containsExactly("[", "x", "y", "]", "z", "]", "taskID[", "<NUM>", "]", "q");
        assertThat(tokens("a[1[] b")).as("an empty last bracket holds no value").containsExactly("<*>", "b");
    }

    /** A body that ends before its line does (a layout's columns after the message) is read as if the line ended. */
    @Test
    void aBodyEndingBeforeItsLineIsReadAsIfTheLineEndedThere() {
        String line = "took <5 ms for b | org.acme.Orders | <main>";
        Tokens out = new Tokens();
        tokenizer.tokenize(line, 0, line.indexOf(" | "), out);
        assertThat(out.toArray()).containsExactly("took", "<DURATION>", "for", "b");
        assertThat(tokens(line)).startsWith("took", "<", "<DURATION>");
    }

    @Test
    void quantitiesBoundsAndGluedValues() {
        assertThat(tokens("lifetime <1 sec, 1190 bytes sent")).containsExactly("lifetime", "<DURATION>", ",", "<SIZE>",
                "sent");
        assertThat(tokens("onExtend:1514038530000 14")).containsExactly("onExtend:", "<NUM>", "<NUM>");
        assertThat(tokens("onReceive action:android.intent.action.SCREEN_ON"))
                .containsExactly("onReceive", "action:", "android.intent.action.SCREEN_ON");
        assertThat(tokens("taskID[2019352994] dealloc")).containsExactly("taskID[", "<NUM>", "]", "dealloc");
        assertThat(tokens("proxy : host-1.example.com:54883")).as("host:port stays one value")
                .containsExactly("proxy", ":", "<*>");
        assertThat(tokens("see http://example.com/x and C:\\temp")).containsExactly("see", "<URL>", "and", "<PATH>");
    }

    @Test
    void datesInsideTheMessageAreOneVariable() {
        assertThat(tokens("connection at Fri Jun 17 07:07:00 2005 closed"))
                .containsExactly("connection", "at", "<TIME>", "closed");
        assertThat(tokens("started 2024-01-02T03:04:05Z")).containsExactly("started", "<TIME>");
        assertThat(tokens("127.0.0.1 - - [05/Dec/2026:21:34:44 +0000] done")).as("an access line in a message")
                .containsExactly("<IP>", "-", "-", "[", "<TIME>", "]", "done");
        assertThat(tokens("built (2026-12-05 21:34:44) ok")).containsExactly("built", "(", "<TIME>", ")", "ok");
        assertThat(tokens("[12] items")).containsExactly("[", "<NUM>", "]", "items");
    }

    /**
     * A number of ten digits is an epoch's seconds when it falls from 2000 to 2055, of thirteen its milliseconds:
     * FRR's error codes ({@code [EC 4043309121]}) and its hash keys of the same length past them are numbers.
     */
    @Test
    void aNumberIsAnEpochsTimeOnlyWithinItsYears() {
        assertThat(tokens("login at 1764974400 ok")).containsExactly("login", "at", "<TIME>", "ok");
        assertThat(tokens("expires 2682374399999")).containsExactly("expires", "<TIME>");
        assertThat(tokens("hash key 4046308038")).containsExactly("hash", "key", "<NUM>");
        assertThat(tokens("expires 2682374400000")).containsExactly("expires", "<NUM>");
        assertThat(tokens("Client 'bgp' failed [EC 4043309121]")).contains("<NUM>").doesNotContain("<TIME>");
    }

    /**
     * A MAC address is one hex value however its digits fall: Kea logs a client's as {@code 02:00:00:aa:bb:cc}, whose
     * first groups had read as a time of day, and one of letters alone had been a key and its value. Colons or dashes
     * part its groups, six of them or EUI-64's eight; a seventh group, or a time with more after it, is no address.
     */
    @Test
    void aMacAddressIsOneHexValueHoweverItsDigitsFall() {
        assertThat(tokens("[hwtype=1 02:00:00:aa:bb:cc], tid=0x1234: DHCPDISCOVER"))
                .containsExactly("[", "hwtype=", "<NUM>", "<HEX>", "]", ",", "tid=", "<HEX>", ":", "DHCPDISCOVER");
        for (String mac : List.of("5c:26:0a:11:22:33", "08-00-27-AA-BB-CC", "aa:bb:cc:dd:ee:ff",
                "02:00:00:aa:bb:cc:dd:ee")) {
            assertThat(tokens("lease for " + mac + " given")).as(mac)
                    .containsExactly("lease", "for", "<HEX>", "given");
        }
        assertThat(tokens("lease for 02:00:00:aa:bb:cc:dd given")).doesNotContain("<HEX>");
        assertThat(tokens("lease for 08:00:27-aa-bb-cc given")).doesNotContain("<HEX>");
        assertThat(tokens("started at 02:00:00 given")).containsExactly("started", "at", "<TIME>", "given");
    }

    /**
     * Digits alone in brackets are an id, though their value falls in an epoch's years: V2Ray's random session ids
     * read so and not read so would make two templates of one message. A time with its fraction in brackets, or an
     * epoch's seconds outside brackets, is still a time.
     */
    @Test
    void digitsAloneInBracketsAreAnIdNotATime() {
        assertThat(tokens("[2123336406] proxy/socks: TCP Connect request"))
                .isEqualTo(tokens("[858611833] proxy/socks: TCP Connect request"))
                .containsExactly("[", "<NUM>", "]", "proxy/socks", ":", "TCP", "Connect", "request");
        assertThat(tokens("session (1721765604) ends")).containsExactly("session", "(", "<NUM>", ")", "ends");
        assertThat(tokens("at [1764974400.125] ok")).containsExactly("at", "[", "<TIME>", "]", "ok");
        assertThat(tokens("at [1764974400 ok")).containsExactly("at", "[", "<TIME>", "ok");
        assertThat(tokens("login at 1764974400 ok")).containsExactly("login", "at", "<TIME>", "ok");
    }

    /**
     * A power of two or one less is a size or a limit, though its ten or thirteen digits fall in an epoch's years:
     * the JVM's heap of 1 GiB and one of 512 MiB print one template.
     */
    @Test
    void aPowerOfTwoOrOneLessIsANumberNotATime() {
        assertThat(tokens("Heap Max Capacity: 1073741824")).containsExactly("Heap", "Max", "Capacity", ":", "<NUM>");
        assertThat(tokens("Heap Max Capacity: 536870912")).containsExactly("Heap", "Max", "Capacity", ":", "<NUM>");
        assertThat(tokens("frame length exceeds 2147483647")).endsWith("<NUM>");
        assertThat(tokens("limit 2147483648 reached")).containsExactly("limit", "<NUM>", "reached");
        assertThat(tokens("volume of 1099511627776")).endsWith("<NUM>");
        assertThat(tokens("login at 1073741825 ok")).containsExactly("login", "at", "<TIME>", "ok");
        assertThat(MessageTokenizer.isSizeOrLimit("1073741824", 0, 10)).isTrue();
        assertThat(MessageTokenizer.isSizeOrLimit("1073741823", 0, 10)).isTrue();
        assertThat(MessageTokenizer.isSizeOrLimit("1764974400", 0, 10)).isFalse();
        assertThat(MessageTokenizer.isSizeOrLimit("1764974400.5", 0, 12)).isFalse();
    }

    /**
     * A key's value that is a time of many words is one time: Java's {@code Date.toString()} in a record's {@code
     * toString()} (ActiveMQ Artemis's audit of a message), a date and its time; a number and a time after it stay two.
     */
    @Test
    void aKeysTimeOfManyWordsIsOneTime() {
        assertThat(tokens("priority=4, timestamp=Sun Dec 06 07:51:29 UTC 2026, expiration=0"))
                .containsExactly("priority=", "<NUM>", ",", "timestamp=", "<TIME>", ",", "expiration=", "<NUM>");
        assertThat(tokens("Order[id=1, createdAt=Sun Dec 06 07:51:29 UTC 2026]")).containsSubsequence("createdAt=",
                "<TIME>", "]").doesNotContain("UTC");
        assertThat(tokens("time=2026-12-06 07:51:29 took=5")).containsExactly("time=", "<TIME>", "took=", "<NUM>");
        assertThat(tokens("port=8080 12:00:00 ok")).containsExactly("port=", "<NUM>", "<TIME>", "ok");
        assertThat(tokens("epoch=1764974400 123")).containsExactly("epoch=", "<NUM>", "<NUM>");
    }

    @Test
    void keepsTheSpacingSoTemplatesRenderAsWritten() {
        Tokens out = new Tokens();
        tokenizer.tokenize("a (b)", 0, out);
        assertThat(out.spacing()).containsExactly(false, true, false, false);
    }

    /**
     * Words, digits and sentence punctuation take a shortcut past the general reading; bodies built from them, glued
     * to everything else the general reading knows (brackets, quotes, keys, units, letters beyond ASCII), must give
     * the tokens, spacing and quoting the general reading alone gives.
     */
    @Property(tries = 3_000)
    void theShortcutForPlainTokensGivesWhatTheGeneralReadingGives(@ForAll("messageShapedText") String body) {
        Tokens fast = new Tokens();
        Tokens reference = new Tokens();
        new MessageTokenizer().tokenize(body, 0, fast);
        new MessageTokenizer(false).tokenize(body, 0, reference);
        assertThat(fast.toArray()).as(body).containsExactly(reference.toArray());
        assertThat(fast.spacing()).as(body).containsExactly(reference.spacing());
        for (int i = 0; i < fast.size(); i++) {
            assertThat(fast.isQuoted(i)).as("%s: token %d quoted", body, i).isEqualTo(reference.isQuoted(i));
        }
    }

    private static final String[] PIECES = {
        "word", "Done", "e", "sec", "ms", "bytes", "Jun", "Mon", "x", "7", "42", "1190", "250", "1445144423722",
        ",", ";", ":", "!", "?", ".", "...", "\"", "'", "(", ")", "[", "]", "{", "}", "<", ">", "=", "<=", "_", "-",
        "/", "@", "0x", "\u00e9", "\u0131", "\u00b5s", "07:07:00", "10.0.0.1", "Jun 14 15:16:01", "\t",
    };

    @Provide
    Arbitrary<String> messageShapedText() {
        return Arbitraries.randomValue(random -> {
            StringBuilder text = new StringBuilder();
            appendPieces(text, 1 + random.nextInt(12), random);
            return text.toString();
        });
    }

    /** Pieces, a space after some, and now and then a run of them between quotes (as {@code key="..."} or alone). */
    private static void appendPieces(StringBuilder text, int pieces, java.util.Random random) {
        for (int i = 0; i < pieces; i++) {
            if (random.nextInt(8) == 0) {
                char quote = random.nextBoolean() ? '"' : '\'';
                text.append(random.nextBoolean() ? "k=" : "").append(quote);
                appendPieces(text, 1 + random.nextInt(4), random);
                text.append(quote);
            } else {
                text.append(PIECES[random.nextInt(PIECES.length)]);
            }
            if (random.nextInt(3) == 0) {
                text.append(' ');
            }
        }
    }
}
