package dev.sloscout.pipeline.bundle;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sloscout.engine.artifact.ExportedSlo;
import dev.sloscout.pipeline.Analysis;
import dev.sloscout.pipeline.Pipeline;
import dev.sloscout.pipeline.PipelineOptions;
import java.util.List;
import java.util.SortedMap;
import java.util.TreeMap;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** The bundle's one structural check sees the dashboards as well as the rules and specs. */
class ExportBundleCheckTest {
    private static List<ExportedSlo> slos;
    private static SortedMap<String, String> files;

    @BeforeAll
    static void demoBundle() {
        Pipeline pipeline = new Pipeline(PipelineOptions.defaults(), () -> false, (i, s) -> { });
        Analysis demo = pipeline.demo(0.25);
        slos = pipeline.slos(demo);
        files = ExportBundle.files(slos);
    }

    @ParameterizedTest
    @ValueSource(strings = {"spanmetrics", "otel-http"})
    @Tag("slow") // in the slow profile: keeps the README\'s test command within five minutes
    void theBundleAsWrittenPassesForEveryRulesProfile(String profile) {
        Pipeline pipeline = new Pipeline(PipelineOptions.defaults().withRulesProfile(profile), () -> false, (i, s) -> { });
        List<ExportedSlo> exported = pipeline.slos(pipeline.demo(0.25));
        assertThat(exported).isNotEmpty();
        assertThat(ExportBundle.check(exported, ExportBundle.files(exported))).isEmpty();
    }

    @Test
    void aDashboardReadingARuleNoFileRecordsIsAProblemNamingBoth() {
        SortedMap<String, String> broken = new TreeMap<>(files);
        String rules = broken.keySet().stream().filter(p -> p.startsWith("prometheus/rules/")).findFirst().orElseThrow();
        String service = rules.substring("prometheus/rules/".length(), rules.indexOf(".rules.yml"));
        broken.put(rules, broken.get(rules).replace("slo:sli_error:ratio_rate6h", "slo:sli_error:ratio_rate6hours"));

        assertThat(ExportBundle.check(slos, broken)).anySatisfy(p -> assertThat(p)
                .startsWith("grafana/" + service + "-slo.json: panel ").contains("slo:sli_error:ratio_rate6h,")
                .endsWith("which no rule file of the bundle records"));
    }

    @Test
    void undefinedVariablesDuplicatePanelsMissingOrUnreadableDashboardsAreProblems() {
        String dashboard = files.keySet().stream().filter(p -> p.startsWith("grafana/")).findFirst().orElseThrow();
        SortedMap<String, String> broken = new TreeMap<>(files);
        broken.put(dashboard, broken.get(dashboard).replace("=\\\"${slo:text}\\\"", "=\\\"$sloo\\\"").replace("\"id\" : 2,", "\"id\" : 1,"));
        broken.put("grafana/extra-slo.json", "{\"panels\": [");

        List<String> problems = ExportBundle.check(slos, broken);
        assertThat(problems).anySatisfy(p -> assertThat(p).startsWith(dashboard).contains("uses $sloo"));
        assertThat(problems).anySatisfy(p -> assertThat(p).startsWith(dashboard).contains("panel id 1 is used twice"));
        assertThat(problems).anySatisfy(p -> assertThat(p).startsWith("grafana/extra-slo.json: not JSON"));

        SortedMap<String, String> missing = new TreeMap<>(files);
        missing.remove(dashboard);
        assertThat(ExportBundle.check(slos, missing)).isNotEmpty()
                .allSatisfy(p -> assertThat(p).endsWith("no dashboard " + dashboard + " for its service"));
    }

    @Test
    void aColonInsideALabelValueIsDataNotARuleName() {
        SortedMap<String, String> quoted = new TreeMap<>(files);
        String first = quoted.keySet().stream().filter(p -> p.startsWith("grafana/")).findFirst().orElseThrow();
        quoted.put(first, quoted.get(first).replace("sloth_slo=\\\"${slo:text}\\\"", "sloth_slo=\\\"a:b:c\\\""));
        assertThat(quoted.get(first)).contains("a:b:c");
        assertThat(ExportBundle.check(slos, quoted)).isEmpty();
    }

    /** A label value as long as data may make it (a service's name) is read without overflowing the stack. */
    @Test
    void aHugeLabelValueIsReadLikeAnyOther() {
        SortedMap<String, String> huge = new TreeMap<>(files);
        String first = huge.keySet().stream().filter(p -> p.startsWith("grafana/")).findFirst().orElseThrow();
        huge.put(first, huge.get(first).replace("sloth_slo=\\\"${slo:text}\\\"",
                "sloth_slo=\\\"" + "a:b".repeat(50_000) + "\\\""));
        assertThat(huge.get(first)).contains("a:ba:b");
        assertThat(ExportBundle.check(slos, huge)).isEmpty();
    }
}
