package dev.sloscout.connectors.git;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** GitHub's and GitLab's REST answers, scripted by a real HTTP server on 127.0.0.1. */
class HostingTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String TOKEN = "t0k-secret-123";

    /** One scripted answer, and what the request that got it carried. */
    private record Answer(int status, String body) {
    }

    private record Seen(String method, String uri, String body, String authorization, String privateToken) {
    }

    private HttpServer server;
    private final Deque<Answer> script = new ArrayDeque<>();
    private final List<Seen> seen = new ArrayList<>();
    private URI api;

    @BeforeEach
    void start() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/", this::answer);
        server.start();
        api = URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/api/");
    }

    @AfterEach
    void stop() {
        server.stop(0);
    }

    private synchronized void answer(HttpExchange exchange) throws IOException {
        seen.add(new Seen(exchange.getRequestMethod(), exchange.getRequestURI().toString(),
                new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8),
                exchange.getRequestHeaders().getFirst("Authorization"),
                exchange.getRequestHeaders().getFirst("PRIVATE-TOKEN")));
        Answer next = script.isEmpty() ? new Answer(500, "{\"message\":\"not scripted\"}") : script.poll();
        byte[] bytes = next.body().getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", "application/json");
        exchange.sendResponseHeaders(next.status(), bytes.length);
        exchange.getResponseBody().write(bytes);
        exchange.close();
    }

    private Hosting gitHub() {
        return new Hosting.GitHub(api, "acme/slos", TOKEN, Duration.ZERO);
    }

    private Hosting gitLab() {
        return new Hosting.GitLab(api, "platform/slos", TOKEN, Duration.ZERO);
    }

    @Test
    void gitHubCreatesAPullRequestWhenNoneIsOpen() throws Exception {
        script.add(new Answer(200, "[]"));
        script.add(new Answer(201, "{\"number\":7,\"html_url\":\"https://github.example/acme/slos/pull/7\"}"));

        Hosting.PullRequest pr = gitHub().openOrUpdate("slo-scout/shop", "main", "feat(slo): 2 SLOs", "body text");

        assertThat(pr).isEqualTo(new Hosting.PullRequest(7, "https://github.example/acme/slos/pull/7", true));
        assertThat(seen.get(0).method()).isEqualTo("GET");
        assertThat(seen.get(0).uri()).isEqualTo("/api/repos/acme/slos/pulls?state=open&head=acme%3Aslo-scout%2Fshop"
                + "&base=main");
        assertThat(seen.get(0).authorization()).isEqualTo("Bearer " + TOKEN);
        assertThat(seen.get(1).method()).isEqualTo("POST");
        assertThat(seen.get(1).uri()).isEqualTo("/api/repos/acme/slos/pulls");
        JsonNode sent = JSON.readTree(seen.get(1).body());
        assertThat(sent.get("head").asText()).isEqualTo("slo-scout/shop");
        assertThat(sent.get("base").asText()).isEqualTo("main");
        assertThat(sent.get("title").asText()).isEqualTo("feat(slo): 2 SLOs");
        assertThat(sent.get("body").asText()).isEqualTo("body text");
    }

    @Test
    void gitHubUpdatesTheOpenPullRequestInsteadOfOpeningASecond() throws Exception {
        script.add(new Answer(200, "[{\"number\":5,\"html_url\":\"u5\"}]"));
        script.add(new Answer(200, "{\"number\":5,\"html_url\":\"https://github.example/acme/slos/pull/5\"}"));

        Hosting.PullRequest pr = gitHub().openOrUpdate("slo-scout/shop", "main", "t", "new body");

        assertThat(pr.created()).isFalse();
        assertThat(pr.number()).isEqualTo(5);
        assertThat(seen).extracting(Seen::method).containsExactly("GET", "PATCH");
        assertThat(seen.get(1).uri()).isEqualTo("/api/repos/acme/slos/pulls/5");
        assertThat(JSON.readTree(seen.get(1).body()).get("body").asText()).isEqualTo("new body");
    }

    @Test
    void serverErrorsAreRetriedThenTheAnswerIsUsed() throws Exception {
        script.add(new Answer(502, "bad gateway"));
        script.add(new Answer(503, "{\"message\":\"try later\"}"));
        script.add(new Answer(200, "[]"));
        script.add(new Answer(201, "{\"number\":9,\"html_url\":\"u9\"}"));

        assertThat(gitHub().openOrUpdate("b", "main", "t", "x").number()).isEqualTo(9);
        assertThat(seen).extracting(Seen::method).containsExactly("GET", "GET", "GET", "POST");
    }

    @Test
    void refusalsAreOneLineWithTheApisReasonAndNoToken() {
        script.add(new Answer(401, "{\"message\":\"Bad credentials\"}"));
        assertThatThrownBy(() -> gitHub().openOrUpdate("b", "main", "t", "x")).isInstanceOf(PublishException.class)
                .hasMessageContaining("authentication failed (401)").hasMessageContaining("Bad credentials")
                .hasMessageNotContaining(TOKEN).hasMessageNotContaining("\n");

        script.add(new Answer(200, "[]"));
        script.add(new Answer(422, "{\"message\":\"Validation Failed\",\"errors\":[{\"resource\":\"PullRequest\","
                + "\"message\":\"No commits between main and b\"}]}"));
        assertThatThrownBy(() -> gitHub().openOrUpdate("b", "main", "t", "x"))
                .hasMessage("POST http://127.0.0.1:" + server.getAddress().getPort() + "/api/repos/acme/slos/pulls: "
                        + "refused (422): Validation Failed; No commits between main and b");

        script.add(new Answer(500, "{}"));
        script.add(new Answer(500, "{}"));
        script.add(new Answer(500, "{\"message\":\"down\"}"));
        assertThatThrownBy(() -> gitHub().openOrUpdate("b", "main", "t", "x")).hasMessageEndingWith("HTTP 500: down");
    }

    @Test
    void gitLabOpensOrUpdatesMergeRequests() throws Exception {
        script.add(new Answer(200, "[]"));
        script.add(new Answer(201, "{\"iid\":3,\"web_url\":\"https://gitlab.example/platform/slos/-/merge_requests/3\"}"));
        Hosting.PullRequest created = gitLab().openOrUpdate("slo-scout/shop", "main", "t", "d");
        assertThat(created).isEqualTo(new Hosting.PullRequest(3,
                "https://gitlab.example/platform/slos/-/merge_requests/3", true));
        assertThat(seen.get(0).uri()).isEqualTo("/api/projects/platform%2Fslos/merge_requests?state=opened"
                + "&source_branch=slo-scout%2Fshop&target_branch=main");
        assertThat(seen.get(0).privateToken()).isEqualTo(TOKEN);
        JsonNode sent = JSON.readTree(seen.get(1).body());
        assertThat(sent.get("source_branch").asText()).isEqualTo("slo-scout/shop");
        assertThat(sent.get("description").asText()).isEqualTo("d");

        script.add(new Answer(200, "[{\"iid\":3}]"));
        script.add(new Answer(200, "{\"iid\":3,\"web_url\":\"w\"}"));
        Hosting.PullRequest updated = gitLab().openOrUpdate("slo-scout/shop", "main", "t", "d2");
        assertThat(updated.created()).isFalse();
        assertThat(seen.get(3).method()).isEqualTo("PUT");
        assertThat(seen.get(3).uri()).isEqualTo("/api/projects/platform%2Fslos/merge_requests/3");
    }

    @Test
    void aHostingIsChosenByNameAndGetsTheGitUserItExpects() {
        assertThat(Hosting.of("github", api, "acme/slos", TOKEN)).isInstanceOf(Hosting.GitHub.class);
        assertThat(Hosting.of("gitlab", api, "acme/slos", TOKEN)).isInstanceOf(Hosting.GitLab.class);
        assertThatThrownBy(() -> Hosting.of("bitbucket", api, "acme/slos", TOKEN))
                .hasMessage("hosting is github or gitlab, got 'bitbucket'");
        var github = (org.eclipse.jgit.transport.UsernamePasswordCredentialsProvider) Hosting.gitCredentials("github",
                TOKEN);
        org.eclipse.jgit.transport.CredentialItem.Username user = new org.eclipse.jgit.transport.CredentialItem
                .Username();
        github.get(null, user);
        assertThat(user.getValue()).isEqualTo("x-access-token");
        Hosting.gitCredentials("gitlab", TOKEN).get(null, user);
        assertThat(user.getValue()).isEqualTo("oauth2");
    }

    @Test
    void anUnreachableApiIsSaidAfterTheRetries() {
        Hosting nowhere = new Hosting.GitHub(URI.create("http://127.0.0.1:1/api/"), "acme/slos", TOKEN, Duration.ZERO);
        assertThatThrownBy(() -> nowhere.openOrUpdate("b", "main", "t", "x"))
                .hasMessageStartingWith("GET http://127.0.0.1:1/api/repos/acme/slos/pulls: cannot reach the API");
    }
}
