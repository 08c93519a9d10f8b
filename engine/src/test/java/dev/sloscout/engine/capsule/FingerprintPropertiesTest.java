package dev.sloscout.engine.capsule;

import static org.assertj.core.api.Assertions.assertThat;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/** Whatever a log line holds, fingerprinting it never fails and never loses track of where the body is. */
class FingerprintPropertiesTest {
    @Provide
    Arbitrary<String> logLike() {
        Arbitrary<String> pieces = Arbitraries.oneOf(
                Arbitraries.of("2024-01-02 03:04:05,678", "Jun 14 15:16:01", "[Sun Dec 04 04:47:44 2005]", "081109",
                        "203615", "INFO", "[error]", "WARN:", "E", "sshd[12]:", "a.B$C:", "-", "|", "(", ")", "[", "]",
                        "\"", "'", "=", "key=", "x=\"y", "::", "0x1F", "10.0.0.1:80", "/a/b", "user@host.io", "250ms",
                        "\t", "  ", "\u00e9", "\ufffd", "e9", "1e-3", "..."),
                Arbitraries.strings().ofMaxLength(12));
        return pieces.list().ofMaxSize(25).map(list -> String.join(" ", list));
    }

    @Property(tries = 2000)
    void headersAndTokensAreAlwaysWellFormed(@ForAll("logLike") String line) {
        LogHeader header = HeaderLayout.perLine(2024).parse(line);
        assertThat(header.bodyStart()).isBetween(0, line.length());
        Tokens tokens = new Tokens();
        new MessageTokenizer().tokenize(line, header.bodyStart(), tokens);
        for (int i = 0; i < tokens.size(); i++) {
            assertThat(tokens.get(i)).isNotEmpty();
        }
    }

    @Property(tries = 300)
    void aLineAlwaysMatchesTheTemplateItWasMinedInto(@ForAll("logLike") String a, @ForAll("logLike") String b) {
        Fingerprinter f = new Fingerprinter(2024);
        f.addLine(a);
        Template mined = f.addLine(b).template();
        assertThat(f.miner().resolve(mined.id())).isEqualTo(f.matchLine(b).id());
        assertThat(f.matchLine(a).id()).isEqualTo(f.miner().resolve(f.matchLine(a).id()));
    }
}
