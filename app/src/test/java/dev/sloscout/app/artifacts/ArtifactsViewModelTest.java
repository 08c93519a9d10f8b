package dev.sloscout.app.artifacts;

import dev.sloscout.pipeline.Analyses;
import dev.sloscout.pipeline.Analysis;
import dev.sloscout.app.fx.BackgroundTasks;
import dev.sloscout.app.slostudio.SloStudioViewModel;
import javafx.beans.property.SimpleObjectProperty;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class ArtifactsViewModelTest {
    @TempDir
    Path dir;

    @Test
    void aRebuildOfTheSameBundleKeepsPromtoolsVerdictAndAChangedOneDropsIt() {
        SimpleObjectProperty<Analysis> analysis = new SimpleObjectProperty<>(Analyses.smallDemo());
        SloStudioViewModel studio = new SloStudioViewModel(analysis);
        ArtifactsViewModel vm = new ArtifactsViewModel(analysis, studio.tuned(), BackgroundTasks.SAME_THREAD, p -> { },
                bundle -> List.of("promtool test rules: passed"));
        vm.export(dir.resolve("bundle"));
        assertThat(vm.validation()).contains("promtool test rules: passed");
        vm.regenerate(); // a build of the same bundle, finishing after the export
        assertThat(vm.validation()).contains("promtool test rules: passed")
                .anyMatch(v -> v.startsWith("structural checks"));
        studio.setObjective(0.9999); // a different bundle: the verdict was on the old one
        assertThat(vm.validation()).noneMatch(v -> v.startsWith("promtool"));
    }

    @Test
    void theBundleFollowsTheStudioAndTheDiffShowsWhatChangedSinceTheExport() throws Exception {
        SimpleObjectProperty<Analysis> analysis = new SimpleObjectProperty<>(Analyses.smallDemo());
        SloStudioViewModel studio = new SloStudioViewModel(analysis);
        List<Path> exported = new ArrayList<>();
        List<Path> validated = new ArrayList<>();
        ArtifactsViewModel vm = new ArtifactsViewModel(analysis, studio.tuned(), BackgroundTasks.SAME_THREAD, exported::add,
                bundle -> {
                    validated.add(bundle);
                    assertThat(bundle.resolve("prometheus/rules/frontend.rules.yml")).as("validated after writing").exists();
                    return List.of("promtool check rules prometheus/rules/frontend.rules.yml: passed");
                });
        assertThat(vm.files()).contains("prometheus/rules/frontend.rules.yml", "prometheus/tests/frontend.test.yml")
                .anyMatch(f -> f.startsWith("grafana/")).anyMatch(f -> f.startsWith("openslo/"))
                .anyMatch(f -> f.startsWith("sloth/")).anyMatch(f -> f.startsWith("runbooks/"));
        assertThat(vm.files().get(0)).startsWith("prometheus/rules/");
        assertThat(vm.previewProperty().get()).isNotEmpty();
        assertThat(vm.validation()).anyMatch(v -> v.startsWith("structural checks: passed"));

        Path out = dir.resolve("bundle");
        vm.export(out);
        assertThat(exported).containsExactly(out);
        assertThat(out.resolve("prometheus/rules/frontend.rules.yml")).exists();
        assertThat(Files.readString(out.resolve("prometheus/rules/frontend.rules.yml")))
                .isEqualTo(vm.content("prometheus/rules/frontend.rules.yml"));
        assertThat(vm.diffSummaryProperty().get()).startsWith("Unchanged since the export");
        assertThat(validated).containsExactly(out);
        assertThat(vm.validation()).contains("promtool check rules prometheus/rules/frontend.rules.yml: passed");
        vm.validateWithPromtool();
        assertThat(validated).hasSize(2);
        assertThat(validated.get(1)).as("a scratch copy, removed afterwards").doesNotExist();

        String openSlo = vm.files().stream().filter(f -> f.startsWith("openslo/") && f.contains(slug(studio))).findFirst()
                .orElseThrow();
        studio.setObjective(0.9999);
        assertThat(vm.content(openSlo)).contains("target: 0.9999");
        vm.selectedProperty().set(openSlo);
        assertThat(vm.diffProperty().get()).anySatisfy(l -> {
            assertThat(l.kind()).isEqualTo(LineDiff.Kind.ADDED);
            assertThat(l.text()).contains("0.9999");
        });
        assertThat(vm.diffSummaryProperty().get()).startsWith("+");
        assertThat(vm.statusProperty().get()).contains("changed since the export");

        ArtifactsViewModel reopened = new ArtifactsViewModel(analysis, studio.tuned(), BackgroundTasks.SAME_THREAD, p -> { });
        reopened.loadPrevious(out);
        reopened.selectedProperty().set(openSlo);
        assertThat(reopened.diffSummaryProperty().get()).as("the export read back from disk is the baseline").startsWith("+");
    }

    @Test
    void aBlockedBundleIsRefusedUntilAnOverrideWithAReasonIsLogged() throws Exception {
        SimpleObjectProperty<Analysis> analysis = new SimpleObjectProperty<>(Analyses.smallDemo());
        SloStudioViewModel studio = new SloStudioViewModel(analysis);
        ArtifactsViewModel vm = new ArtifactsViewModel(analysis, studio.tuned(), BackgroundTasks.SAME_THREAD, p -> { },
                bundle -> List.of());
        Path log = dir.resolve("audit.jsonl");
        vm.auditTo(log);
        assertThat(vm.verdictProperty().get()).isEqualTo("No policy: every export is allowed");
        long slos = vm.files().stream().filter(f -> f.startsWith("runbooks/") && f.endsWith(".md")).count();
        assertThat(vm.policyReport().get(0)).as("the blast radius is shown without a policy too")
                .startsWith("blast radius: " + slos + " SLOs on ");
        assertThat(vm.policyReport()).as("then one line per SLO").hasSize((int) slos + 1);
        assertThat(vm.policyReport().get(1)).matches("  [a-z0-9-]+: [0-9.]+% of the traffic, \\d+ alert rules, "
                + "\\d+ series, [0-9.]+ pages a week, objective [0-9.]+% against [0-9.]+% observed");
        Path policy = Files.writeString(dir.resolve("policy.yaml"), """
                rules:
                  - name: one-service
                    mode: block
                    maxServices: 0
                  - name: few-alerts
                    mode: warn
                    maxAlertRules: 1
                  - name: size
                    mode: audit
                    maxSlos: 1000
                """);
        List<Path> chosen = new ArrayList<>();
        vm.onPolicyChosen(chosen::add);
        vm.loadPolicy(policy);

        assertThat(chosen).containsExactly(policy);
        assertThat(vm.blockedProperty().get()).isTrue();
        assertThat(vm.verdictProperty().get()).isEqualTo("Policy policy.yaml: BLOCKED by 1 rule");
        assertThat(vm.policyReport().get(0)).startsWith("block 'one-service': the bundle touches");
        assertThat(vm.policyReport().get(1)).startsWith("warn 'few-alerts': the bundle writes");
        assertThat(vm.policyReport()).anyMatch(l -> l.startsWith("blast radius: "));
        assertThat(vm.blockingReasons()).startsWith("'one-service': the bundle touches");

        Path out = dir.resolve("blocked");
        vm.export(out);
        assertThat(out).as("nothing written while blocked").doesNotExist();
        assertThat(vm.statusProperty().get()).startsWith("Export refused: the policy blocks this bundle ('one-service')");
        vm.exportOverriding(out, "  ");
        assertThat(out).doesNotExist();
        assertThat(vm.statusProperty().get()).contains("an override needs a reason");
        assertThat(log).doesNotExist();

        vm.exportOverriding(out, "incident 4711: the on-call lead agreed");
        assertThat(out.resolve("prometheus/rules/frontend.rules.yml")).exists();
        assertThat(vm.statusProperty().get()).contains("overriding the policy (logged to " + log + ")");
        List<String> lines = Files.readAllLines(log);
        assertThat(lines).hasSize(2);
        var override = dev.sloscout.pipeline.Json.MAPPER.readTree(lines.get(0));
        assertThat(override.get("rule").asText()).isEqualTo("override");
        assertThat(override.get("outcome").asText()).isEqualTo("exported although blocked: incident 4711: the on-call "
                + "lead agreed");
        assertThat(override.get("blockedBy").get(0).asText()).startsWith("one-service: the bundle touches");
        assertThat(override.get("bundle").asText()).isEqualTo(out.toAbsolutePath().toString());
        assertThat(dev.sloscout.pipeline.Json.MAPPER.readTree(lines.get(1)).get("rule").asText()).isEqualTo("size");

        vm.clearPolicy();
        assertThat(vm.blockedProperty().get()).isFalse();
        assertThat(chosen).containsExactly(policy, null);
    }

    @Test
    void aBrokenPolicyIsSaidWithItsLineAndBlocksNothing() throws Exception {
        SimpleObjectProperty<Analysis> analysis = new SimpleObjectProperty<>(Analyses.smallDemo());
        ArtifactsViewModel vm = new ArtifactsViewModel(analysis, new SloStudioViewModel(analysis).tuned(),
                BackgroundTasks.SAME_THREAD, p -> { }, bundle -> List.of());
        Path policy = Files.writeString(dir.resolve("broken.yaml"), "rules:\n  - name: x\n    mode: block\n"
                + "    maxServicez: 3\n");
        vm.loadPolicy(policy);
        assertThat(vm.blockedProperty().get()).isFalse();
        assertThat(vm.verdictProperty().get()).isEqualTo("Policy broken.yaml not used: it cannot be read");
        assertThat(vm.policyReport()).singleElement().satisfies(l -> assertThat(l).contains("broken.yaml:4")
                .contains("maxServicez"));
        Path out = dir.resolve("out");
        vm.export(out);
        assertThat(out.resolve("prometheus")).exists();
    }

    @Test
    void theBundleIsPublishedToABranchOfARepositoryUnlessThePolicyBlocksIt() throws Exception {
        SimpleObjectProperty<Analysis> analysis = new SimpleObjectProperty<>(Analyses.smallDemo());
        ArtifactsViewModel vm = new ArtifactsViewModel(analysis, new SloStudioViewModel(analysis).tuned(),
                BackgroundTasks.SAME_THREAD, p -> { }, bundle -> List.of());
        Path remote = dev.sloscout.connectors.git.fixtures.BareRepository.withMain(dir.resolve("slos.git"),
                java.util.Map.of("README.md", "slos\n"));
        ArtifactsViewModel.PublishTarget target = new ArtifactsViewModel.PublishTarget(remote.toString(),
                "slo-scout/demo", "main", "slo/", "none", "", "");
        dev.sloscout.connectors.git.Tokens tokens = new dev.sloscout.connectors.git.Tokens(java.util.Map.of(),
                dir.resolve("home"));

        vm.publish(target, tokens);

        assertThat(vm.statusProperty().get()).matches("pushed [0-9a-f]{12} to slo-scout/demo: feat\\(slo\\): .*");
        try (org.eclipse.jgit.api.Git git = org.eclipse.jgit.api.Git.open(remote.toFile());
                org.eclipse.jgit.revwalk.RevWalk walk = new org.eclipse.jgit.revwalk.RevWalk(git.getRepository());
                org.eclipse.jgit.treewalk.TreeWalk tree = new org.eclipse.jgit.treewalk.TreeWalk(git.getRepository())) {
            tree.addTree(walk.parseCommit(git.getRepository().resolve("refs/heads/slo-scout/demo")).getTree());
            tree.setRecursive(true);
            int files = 0;
            while (tree.next()) {
                String path = tree.getPathString();
                if (path.startsWith("slo/")) {
                    files++;
                    assertThat(new String(git.getRepository().open(tree.getObjectId(0)).getBytes(),
                            java.nio.charset.StandardCharsets.UTF_8)).as(path).isEqualTo(vm.content(path.substring(4)));
                }
            }
            assertThat(files).isEqualTo(vm.files().size());
        }

        vm.publish(new ArtifactsViewModel.PublishTarget(remote.toString(), "slo-scout/demo", "main", "slo/",
                "github", "http://127.0.0.1:1/api", "acme/slos"), tokens);
        assertThat(vm.statusProperty().get()).startsWith("Publish failed: no github token: set $GITHUB_TOKEN");

        vm.loadPolicy(Files.writeString(dir.resolve("block.yaml"), "rules:\n  - name: none\n    mode: block\n"
                + "    maxSlos: 0\n"));
        vm.publish(target, tokens);
        assertThat(vm.statusProperty().get()).startsWith("Publish refused: the policy blocks this bundle");
    }

    private static String slug(SloStudioViewModel studio) {
        String journey = studio.selectedProperty().get().journeyName(); // e.g. "frontend GET /products"
        return journey.substring(journey.indexOf(' ') + 1).toLowerCase().replaceAll("[^a-z0-9]+", "-").replaceAll("^-|-$", "");
    }
}
