package dev.sloscout.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import dev.sloscout.connectors.git.fixtures.BareRepository;
import dev.sloscout.pipeline.Analyses;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.revwalk.RevWalk;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** {@code slo-scout publish} on a bundle analyze wrote: into a bare repository, with GitHub scripted on 127.0.0.1. */
class PublishCommandTest {
    @TempDir
    Path dir;
    private Path remote;
    private Path bundle;

    private record Run(int exitCode, String out, String err) {
    }

    private Run publish(Map<String, String> environment, String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code = new CommandLine(new PublishCommand(new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8), environment, dir.resolve("home"))).execute(args);
        return new Run(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    @BeforeEach
    void bundleAndRepository() throws Exception {
        bundle = dir.resolve("bundle");
        CliRun analyze = CliRun.of("analyze", Analyses.shopTraces(Files.createDirectories(dir.resolve("in")), 300)
                .toString(), "--validate", "never", "--out", bundle.toString());
        assertThat(analyze.exitCode()).as(analyze.err()).isZero();
        remote = BareRepository.withMain(dir.resolve("slos.git"), Map.of("README.md", "SLOs of the shop\n"));
    }

    private String head(String branch) throws Exception {
        try (Repository repository = Git.open(remote.toFile()).getRepository(); RevWalk walk = new RevWalk(repository)) {
            var id = repository.resolve("refs/heads/" + branch);
            return id == null ? null : walk.parseCommit(id).getShortMessage();
        }
    }

    @Test
    void aDryRunPrintsTheDiffAndTheDescriptionOfTheRealBundle() throws Exception {
        Run run = publish(Map.of(), bundle.toString(), "--repo", remote.toString(), "--branch", "slo-scout/shop",
                "--dry-run");

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out()).contains("diff --git a/slo/prometheus/rules/checkout.rules.yml")
                .contains("--- pull request (dry run: nothing pushed) ---")
                .containsPattern("feat\\(slo\\): \\d+ SLOs for 4 services")
                .contains("| `checkout-post-checkout-availability` (new) | ")
                .contains("**Policy:** no policy was checked");
        assertThat(head("slo-scout/shop")).isNull();
    }

    @Test
    void publishedAndThePullRequestOpenedWithTheTokenFromTheEnvironment() throws Exception {
        HttpServer github = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        List<String> calls = new ArrayList<>();
        github.createContext("/", exchange -> {
            calls.add(exchange.getRequestMethod() + " " + exchange.getRequestURI().getPath() + " "
                    + exchange.getRequestHeaders().getFirst("Authorization"));
            byte[] body = (exchange.getRequestMethod().equals("GET") ? "[]"
                    : "{\"number\":12,\"html_url\":\"https://github.example/acme/slos/pull/12\"}")
                    .getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(exchange.getRequestMethod().equals("GET") ? 200 : 201, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        github.start();
        try {
            Run run = publish(Map.of("GITHUB_TOKEN", "ghp_test"), bundle.toString(), "--repo", remote.toString(),
                    "--branch", "slo-scout/shop", "--github", "http://127.0.0.1:" + github.getAddress().getPort()
                            + "/api", "--repo-slug", "acme/slos");

            assertThat(run.exitCode()).as(run.err()).isZero();
            assertThat(run.out()).containsPattern("pushed [0-9a-f]{12} to slo-scout/shop: feat\\(slo\\): ")
                    .contains("opened #12 https://github.example/acme/slos/pull/12").doesNotContain("ghp_test");
            assertThat(head("slo-scout/shop")).startsWith("feat(slo): ");
            assertThat(calls).containsExactly("GET /api/repos/acme/slos/pulls Bearer ghp_test",
                    "POST /api/repos/acme/slos/pulls Bearer ghp_test");
        } finally {
            github.stop(0);
        }
    }

    @Test
    void withoutATokenNothingIsPushedAndTheMessageSaysWhereItGoes() throws Exception {
        Run run = publish(Map.of(), bundle.toString(), "--repo", remote.toString(), "--branch", "slo-scout/shop",
                "--github");
        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).isEqualTo("slo-scout: no github token: set $GITHUB_TOKEN or "
                + dir.resolve("home").resolve("github.token") + System.lineSeparator());
        assertThat(head("slo-scout/shop")).isNull();

        Run noBundle = publish(Map.of(), dir.resolve("none").toString(), "--repo", remote.toString(), "--branch", "b");
        assertThat(noBundle.exitCode()).isEqualTo(2);
        assertThat(noBundle.err()).contains("not a folder");
    }

    @Test
    void theOwnerAndNameComeFromTheRemotesUrl() {
        assertThat(PublishCommand.slug("https://github.com/acme/slos.git")).isEqualTo("acme/slos");
        assertThat(PublishCommand.slug("git@github.com:acme/slos.git")).isEqualTo("acme/slos");
        assertThat(PublishCommand.slug("https://gitlab.example/platform/sre/slos")).isEqualTo("platform/sre/slos");
        assertThat(PublishCommand.slug("ssh://git@gitlab.example:2222/platform/slos.git")).isEqualTo("platform/slos");
        assertThat(PublishCommand.slug("/srv/git/slos.git")).isNull();
        assertThat(PublishCommand.slug("file:///srv/git/slos.git")).isNull();
    }
}
