package dev.sloscout.engine.capsule;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class TemplateMinerTest {
    private final Fingerprinter fingerprinter = new Fingerprinter(2024);

    private String add(String message) {
        return fingerprinter.addMessage(message).id();
    }

    private String current(String message) {
        return fingerprinter.matchMessage(message).text();
    }

    @Test
    void variableWordsBecomePlaceholders() {
        add("Invalid user webmaster from 1.2.3.4");
        add("Invalid user admin from 1.2.3.5");
        add("Invalid user test from 1.2.3.6");
        assertThat(current("Invalid user zed from 1.2.3.7")).isEqualTo("Invalid user <*> from <IP>");
        assertThat(fingerprinter.miner().templateCount()).isEqualTo(1);
    }

    @Test
    void aVaryingFirstWordStillFindsItsTemplate() {
        for (String user : List.of("alice", "bob", "carol", "dave")) {
            add(user + " logged in from 10.0.0.1 using password authentication");
        }
        assertThat(current("erin logged in from 10.0.0.2 using password authentication"))
                .isEqualTo("<*> logged in from <IP> using password authentication");
    }

    @Test
    void aSettledConstantIsNotGeneralisedByOneOddMessage() {
        for (int i = 0; i < 20; i++) {
            add("Failed password for root from 10.0.0." + i + " port " + (4000 + i) + " ssh2");
        }
        add("Accepted password for root from 10.0.0.9 port 4100 ssh2");
        assertThat(current("Failed password for root from 10.0.0.1 port 1 ssh2")).startsWith("Failed password");
        assertThat(current("Accepted password for root from 10.0.0.1 port 1 ssh2")).startsWith("Accepted password");
        assertThat(fingerprinter.miner().templateCount()).isEqualTo(2);
    }

    @Test
    void valuesThatArriveInBurstsStillBecomeAVariable() {
        for (String user : List.of("alice", "bob", "carol", "dave", "erin")) {
            for (int i = 0; i < 5; i++) {
                add("session for " + user + " served request " + i + " ok");
            }
        }
        assertThat(fingerprinter.miner().templateCount()).isEqualTo(1);
        assertThat(current("session for zed served request 1 ok")).isEqualTo("session for <*> served request <NUM> ok");
    }

    @Test
    void threeSettledValuesStayThreeTemplates() {
        for (String user : List.of("root", "guest", "test")) {
            for (int i = 0; i < 5; i++) {
                add("authentication failure; rhost=10.0.0." + i + " user=" + user);
            }
        }
        assertThat(fingerprinter.miner().templateCount()).isEqualTo(3);
    }

    @Test
    void aWordAmongVariablesBecomesAVariableOnceItTookManyValues() {
        // dpkg's status lines: two fixed words, a package, its architecture (masked) and its version (masked)
        List<String> packages = List.of("libssl3", "openssl", "libxml2", "libpq5", "systemd", "zlib1g", "curl",
                "libicu72", "tzdata", "nodejs");
        for (int i = 0; i < 7; i++) {
            add("status unpacked " + packages.get(i) + ":amd64 3.0." + i + "-1~deb12u1");
        }
        assertThat(fingerprinter.miner().templateCount()).as("seven values of a word beside two fixed words")
                .isEqualTo(7);

        add("status unpacked " + packages.get(7) + ":amd64 72.1-3");

        assertThat(fingerprinter.miner().templateCount()).as("the eighth makes it a variable").isEqualTo(1);
        assertThat(current("status unpacked " + packages.get(9) + ":amd64 20.1-1"))
                .isEqualTo("status unpacked <*><*> <*>"); // the package was read as a key ("libssl3:"), colon and all
    }

    @Test
    void aWordBesideOneFixedWordNeedsSixteenValues() {
        for (int i = 0; i < 15; i++) {
            add("upgrade pkg" + (char) ('a' + i) + ":amd64 1." + i + " 2." + i);
        }
        assertThat(fingerprinter.miner().templateCount()).isEqualTo(15);

        add("upgrade pkgz:amd64 1.0 2.0");

        assertThat(fingerprinter.miner().templateCount()).isEqualTo(1);
    }

    @Test
    void shortMessagesDifferingInAWordStayApart() {
        add("cupsd startup succeeded");
        add("cupsd shutdown succeeded");
        add("cupsd startup succeeded");
        assertThat(fingerprinter.miner().templateCount()).isEqualTo(2);
    }

    @Test
    void placeholdersOfAnotherKindDoNotMakeMessagesAlike() {
        // CUPS's debug log: every client's lines open with its number, and its IPP operations become a variable
        for (String operation : List.of("Get-Jobs", "CUPS-Get-Printers", "CUPS-Get-Default", "CUPS-Get-Classes")) {
            add("[Client 1] 2.0 " + operation + " 7");
        }
        assertThat(current("[Client 1] 2.0 Get-Printer-Attributes 3")).isEqualTo("[Client <NUM>] <NUM> <*> <NUM>");

        add("[Client 9] GET /admin HTTP/1.1");

        assertThat(current("[Client 2] GET /printers HTTP/1.1"))
                .as("a request line shares the client's prefix, a number with a version: no more")
                .isEqualTo("[Client <NUM>] GET <PATH> <*>");
        assertThat(current("[Client 1] 2.0 Get-Jobs 7")).isEqualTo("[Client <NUM>] <NUM> <*> <NUM>");
    }

    @Test
    void aValueThatIsSometimesMissingGetsAVariableLengthPlaceholder() {
        add("connection from 1.2.3.4 (host-1.example.net) at 10:00:00 ok");
        add("connection from 1.2.3.5 () at 10:00:01 ok");
        add("connection from 1.2.3.6 (host-2.example.net) at 10:00:02 ok");
        assertThat(fingerprinter.miner().templateCount()).isEqualTo(1);
        assertThat(current("connection from 1.2.3.7 () at 10:00:03 ok")).isEqualTo("connection from <IP> (<*>) at <TIME> ok");
    }

    @Test
    void idsAreContentAddressedAndOldIdsPointToTheCurrentTemplate() {
        String first = add("user alice signed in at 10:00");
        add("user bob signed in at 10:01");
        add("user carol signed in at 10:02");
        String fourth = add("user dave signed in at 10:03");
        assertThat(fourth).isNotEqualTo(first);
        assertThat(fingerprinter.miner().resolve(first)).isEqualTo(fourth);
        assertThat(fourth).isEqualTo(TemplateIds.of(new String[] {"user", "<*>", "signed", "in", "at", "<*>"}));

        Fingerprinter elsewhere = new Fingerprinter(2024);
        for (String user : List.of("erin", "frank", "grace")) {
            elsewhere.addMessage("user " + user + " signed in at 11:00");
        }
        assertThat(elsewhere.addMessage("user heidi signed in at 11:01").id()).isEqualTo(fourth);
    }

    @Test
    void twoMessagesDifferingInOneWordStayApartWhateverTheirOrder() {
        add("Before Scheduling: PendingReds:0 ScheduledMaps:2 AssignedMaps:9 CompletedMaps:1 ContAlloc:11");
        add("After Scheduling: PendingReds:1 ScheduledMaps:1 AssignedMaps:9 CompletedMaps:0 ContAlloc:9");
        assertThat(fingerprinter.miner().templateCount()).as("a word that differs is evidence of two events, "
                + "until siblings show it is a value").isEqualTo(2);
    }

    @Test
    void groupingDoesNotDependOnTheOrderOfMessages() {
        List<String> messages = new ArrayList<>();
        for (int i = 0; i < 30; i++) {
            messages.add("Received block blk_" + i + " of size " + (i * 100) + " from /10.0.0." + i);
            messages.add("Deleting block blk_" + i + " file /data/" + i);
            messages.add("session opened for user u" + (char) ('a' + i % 26) + "x by (uid=" + i + ")");
        }
        List<String> shuffled = new ArrayList<>(messages);
        Collections.shuffle(shuffled, new Random(7));
        assertThat(templatesOf(shuffled, messages)).isEqualTo(templatesOf(messages, messages));
    }

    /** The template text of each message of {@code probe} after mining {@code input}. */
    private static List<String> templatesOf(List<String> input, List<String> probe) {
        Fingerprinter f = new Fingerprinter(2024);
        input.forEach(f::addMessage);
        assertThat(f.miner().templateCount()).isEqualTo(3);
        return probe.stream().map(m -> f.matchMessage(m).text()).toList();
    }

    @Test
    void memoryIsBoundedByTemplatesNotMessages() {
        for (int i = 0; i < 300_000; i++) {
            add("request id" + Integer.toString(i, 36) + "x served in " + i + " ms");
        }
        assertThat(fingerprinter.miner().templateCount()).isEqualTo(1);
        assertThat(fingerprinter.miner().cachedSequences()).isLessThanOrEqualTo(100_000);
    }

    @Test
    void messagesBeyondTheTemplateBoundAreCountedUnderOneTemplate() {
        TemplateMiner miner = new TemplateMiner(MinerSettings.DEFAULT, 10);
        Fingerprinter bounded = new Fingerprinter(2024, miner);
        Random random = new Random(7);
        List<String> words = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            StringBuilder w = new StringBuilder();
            for (int k = 0; k < 3 + i % 5; k++) {
                w.append((char) ('a' + random.nextInt(26)));
            }
            words.add(w.toString());
        }
        for (String w : words) {
            bounded.addMessage(w + " says nothing else"); // one template: only the first word varies
        }
        for (int i = 0; i < 30; i++) { // thirty messages that share no word: thirty templates wanted
            bounded.addMessage(words.get(i) + " " + words.get(39 - i));
        }

        assertThat(miner.templateCount()).isEqualTo(10);
        assertThat(miner.overflowMessages()).isEqualTo(21);
        assertThat(miner.templates()).extracting(Template::text).contains(TemplateMiner.OVERFLOW_TEXT)
                .hasSize(11);
        assertThat(bounded.addMessage("zebra says nothing else").text()).isEqualTo("<*> says nothing else");
    }
}
