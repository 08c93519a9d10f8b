package dev.sloscout.app.capsules;

import dev.sloscout.engine.capsule.Severity;
import java.util.EnumMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import static org.assertj.core.api.Assertions.assertThat;

class CapsuleRowTest {

    @Test
    void aFewServerErrorsAmongAccessLinesDoNotMakeTheCapsuleAnError() {
        assertThat(CapsuleRow.severity(counts(Severity.INFO, 9_142, Severity.ERROR, 10))).isEqualTo("INFO (ERROR 10)");
    }

    @Test
    void oneSeverityOrAWorstThatIsAlsoTheMostCommonIsNamedAlone() {
        assertThat(CapsuleRow.severity(counts(Severity.WARN, 4))).isEqualTo("WARN");
        assertThat(CapsuleRow.severity(counts(Severity.DEBUG, 2, Severity.ERROR, 7))).isEqualTo("ERROR");
    }

    @Test
    void aTieIsReadAsTheWorseAndNoCountsAsUnknown() {
        assertThat(CapsuleRow.severity(counts(Severity.INFO, 3, Severity.WARN, 3))).isEqualTo("WARN");
        assertThat(CapsuleRow.severity(counts(Severity.INFO, 3, Severity.WARN, 3, Severity.FATAL, 1)))
                .isEqualTo("WARN (FATAL 1)");
        assertThat(CapsuleRow.severity(Map.of())).isEqualTo("UNKNOWN");
    }

    private static Map<Severity, Long> counts(Object... pairs) {
        Map<Severity, Long> map = new EnumMap<>(Severity.class);
        for (int i = 0; i < pairs.length; i += 2) {
            map.put((Severity) pairs[i], ((Number) pairs[i + 1]).longValue());
        }
        return map;
    }
}
