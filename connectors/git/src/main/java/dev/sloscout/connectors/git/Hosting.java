package dev.sloscout.connectors.git;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

/**
 * Where pull requests live: GitHub's REST API (pull requests) or GitLab's (merge requests). An open request for the
 * branch is updated (title and description), never duplicated. Server errors and broken connections are retried
 * twice with a pause; every other failure is one line naming the API and its reason. The token goes in a header and
 * nowhere else.
 */
public abstract class Hosting {
    private static final ObjectMapper JSON = new ObjectMapper();
    static final int ATTEMPTS = 3;

    /** The pull or merge request: its number, web address, and whether it was created (else updated). */
    public record PullRequest(long number, String url, boolean created) {
    }

    protected final URI api;
    private final String token;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
    private final Duration pause;

    Hosting(URI api, String token, Duration pause) {
        this.api = URI.create(api.toString().endsWith("/") ? api.toString() : api + "/");
        this.token = token;
        this.pause = pause;
    }

    /** GitHub (or GitHub Enterprise) at {@code api}, repository {@code owner/name}. */
    public static Hosting gitHub(URI api, String slug, String token) {
        return new GitHub(api, slug, token, Duration.ofMillis(500));
    }

    /** GitLab at {@code api} (ending in {@code /api/v4}), project {@code group/name}. */
    public static Hosting gitLab(URI api, String project, String token) {
        return new GitLab(api, project, token, Duration.ofMillis(500));
    }

    /**
     * The hosting a name stands for ({@code github} or {@code gitlab}).
     *
     * @throws IllegalArgumentException for any other name
     */
    public static Hosting of(String kind, URI api, String repository, String token) {
        return switch (kind) {
            case "github" -> gitHub(api, repository, token);
            case "gitlab" -> gitLab(api, repository, token);
            default -> throw new IllegalArgumentException("hosting is github or gitlab, got '" + kind + "'");
        };
    }

    /** The Git transport's credentials for a hosting's token over HTTPS (the user name each hosting expects). */
    public static org.eclipse.jgit.transport.CredentialsProvider gitCredentials(String kind, String token) {
        return new org.eclipse.jgit.transport.UsernamePasswordCredentialsProvider(
                "github".equals(kind) ? "x-access-token" : "oauth2", token);
    }

    /** Opens the request from {@code branch} into {@code base}, or updates the open one. */
    public abstract PullRequest openOrUpdate(String branch, String base, String title, String body)
            throws PublishException;

    protected abstract void authorise(HttpRequest.Builder request, String token);

    protected ObjectNode object() {
        return JSON.createObjectNode();
    }

    protected static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    /** Sends and returns the JSON answer of a 2xx; retries 5xx and I/O failures; anything else is one line. */
    protected JsonNode call(String method, String path, JsonNode body) throws PublishException {
        URI uri = api.resolve(path);
        HttpRequest.Builder builder = HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(30))
                .header("Accept", "application/json").method(method, body == null
                        ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(body.toString(), StandardCharsets.UTF_8));
        if (body != null) {
            builder.header("Content-Type", "application/json");
        }
        authorise(builder, token);
        String where = method + " " + uri.getScheme() + "://" + uri.getAuthority() + uri.getPath();
        for (int attempt = 1; ; attempt++) {
            try {
                HttpResponse<String> response = http.send(builder.build(),
                        HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
                int status = response.statusCode();
                if (status >= 200 && status < 300) {
                    return response.body().isBlank() ? JSON.createObjectNode() : JSON.readTree(response.body());
                }
                if (status >= 500 && attempt < ATTEMPTS) {
                    sleep(attempt);
                    continue;
                }
                throw new PublishException(where + ": " + reason(status, response.body()));
            } catch (IOException e) {
                if (attempt < ATTEMPTS) {
                    sleep(attempt);
                    continue;
                }
                throw new PublishException(where + ": cannot reach the API: " + e.getMessage(), e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new PublishException(where + ": interrupted", e);
            }
        }
    }

    private void sleep(int attempt) throws PublishException {
        try {
            Thread.sleep(pause.toMillis() * attempt);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new PublishException("interrupted while retrying", e);
        }
    }

    /** The status in words and the API's own message (GitHub's {@code message}/{@code errors}, GitLab's {@code message}). */
    static String reason(int status, String body) {
        String what = switch (status) {
            case 401 -> "authentication failed (401): the token is missing, wrong or expired";
            case 403 -> "forbidden (403): the token lacks the rights for this repository";
            case 404 -> "not found (404): check the repository name and that the token can see it";
            case 409 -> "conflict (409)";
            case 422 -> "refused (422)";
            default -> "HTTP " + status;
        };
        String detail = "";
        try {
            JsonNode json = JSON.readTree(body);
            StringBuilder out = new StringBuilder();
            if (json.hasNonNull("message")) {
                out.append(json.get("message").isTextual() ? json.get("message").asText() : json.get("message").toString());
            }
            for (JsonNode error : json.path("errors")) {
                out.append(out.isEmpty() ? "" : "; ").append(error.hasNonNull("message") ? error.get("message").asText()
                        : error.toString());
            }
            detail = out.toString();
        } catch (IOException | RuntimeException e) {
            detail = body == null ? "" : body.strip();
        }
        detail = detail.replaceAll("\\s+", " ");
        return what + (detail.isEmpty() ? "" : ": " + (detail.length() > 300 ? detail.substring(0, 300) + "..." : detail));
    }

    /** GitHub: {@code /repos/{owner}/{repo}/pulls}. */
    static final class GitHub extends Hosting {
        private final String slug;

        GitHub(URI api, String slug, String token, Duration pause) {
            super(api, token, pause);
            this.slug = slug;
        }

        @Override
        protected void authorise(HttpRequest.Builder request, String token) {
            request.header("Authorization", "Bearer " + token).header("Accept", "application/vnd.github+json")
                    .header("X-GitHub-Api-Version", "2022-11-28");
        }

        @Override
        public PullRequest openOrUpdate(String branch, String base, String title, String body)
                throws PublishException {
            String owner = slug.substring(0, slug.indexOf('/'));
            JsonNode open = call("GET", "repos/" + slug + "/pulls?state=open&head=" + encode(owner + ":" + branch)
                    + "&base=" + encode(base), null);
            ObjectNode fields = object().put("title", title).put("body", body);
            if (open.isArray() && !open.isEmpty()) {
                long number = open.get(0).path("number").asLong();
                JsonNode updated = call("PATCH", "repos/" + slug + "/pulls/" + number, fields);
                return new PullRequest(number, updated.path("html_url").asText(), false);
            }
            JsonNode created = call("POST", "repos/" + slug + "/pulls", fields.put("head", branch).put("base", base));
            return new PullRequest(created.path("number").asLong(), created.path("html_url").asText(), true);
        }
    }

    /** GitLab: {@code /projects/{id}/merge_requests}. */
    static final class GitLab extends Hosting {
        private final String project;

        GitLab(URI api, String project, String token, Duration pause) {
            super(api, token, pause);
            this.project = project;
        }

        @Override
        protected void authorise(HttpRequest.Builder request, String token) {
            request.header("PRIVATE-TOKEN", token);
        }

        @Override
        public PullRequest openOrUpdate(String branch, String base, String title, String body)
                throws PublishException {
            String id = encode(project);
            JsonNode open = call("GET", "projects/" + id + "/merge_requests?state=opened&source_branch="
                    + encode(branch) + "&target_branch=" + encode(base), null);
            ObjectNode fields = object().put("title", title).put("description", body);
            if (open.isArray() && !open.isEmpty()) {
                long iid = open.get(0).path("iid").asLong();
                JsonNode updated = call("PUT", "projects/" + id + "/merge_requests/" + iid, fields);
                return new PullRequest(iid, updated.path("web_url").asText(), false);
            }
            JsonNode created = call("POST", "projects/" + id + "/merge_requests", fields.put("source_branch", branch)
                    .put("target_branch", base));
            return new PullRequest(created.path("iid").asLong(), created.path("web_url").asText(), true);
        }
    }
}
