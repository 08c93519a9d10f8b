package dev.sloscout.engine.quality;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.regex.Pattern;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/** The quick test for structured lines answers what counting the pattern's matches answers. */
class KeyValueLinesTest {
    private static final Pattern KEY_VALUE = Pattern.compile("(?:^|\\s)[A-Za-z_][\\w.]*=\\S");

    @Provide
    Arbitrary<String> lines() {
        return Arbitraries.of("user=bob", "a=1 b=2", " x.y=3", "==", "k= v", "id=7", "msg", "=x", "a_b=c=d", " ", "\t",
                "x==y", "9=1", "level=info msg=ok").list().ofMaxSize(6).map(parts -> String.join(" ", parts));
    }

    @Property(tries = 2000)
    void twoKeyValuesIsTheCountOfMatches(@ForAll("lines") String line) {
        boolean expected = KEY_VALUE.matcher(line).results().limit(2).count() >= 2;
        assertThat(DataQuality.twoKeyValues(line)).isEqualTo(expected);
    }
}
