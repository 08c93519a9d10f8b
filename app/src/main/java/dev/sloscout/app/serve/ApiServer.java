package dev.sloscout.app.serve;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.sloscout.connectors.git.Hosting;
import dev.sloscout.connectors.git.PublishException;
import dev.sloscout.connectors.git.Publisher;
import dev.sloscout.connectors.git.Tokens;
import dev.sloscout.pipeline.Json;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/**
 * The local HTTP API ({@code slo-scout serve}): analyses as jobs, their analysis.json, their bundle as a zip or file
 * by file, publishing a bundle, cancelling; every call but health needs {@code Authorization: Bearer TOKEN}. Inputs
 * are files on this machine under the folders the user allowed, or uploads (a raw body, compressed or not, or
 * multipart files) within the size and count limits. The OpenAPI document is {@code docs/openapi.json}, served at
 * {@code /api/v1/openapi.json}.
 */
public final class ApiServer implements AutoCloseable {
    /** What the server allows. */
    public record Limits(long maxBodyBytes, int maxUploads, List<Path> allowed, java.time.Duration jobTimeout) {
        public Limits {
            allowed = allowed.stream().map(p -> p.toAbsolutePath().normalize()).toList();
        }

        public Limits(long maxBodyBytes, int maxUploads, List<Path> allowed) {
            this(maxBodyBytes, maxUploads, allowed, java.time.Duration.ofHours(1));
        }
    }

    static final String PREFIX = "/api/v1/";
    private final HttpServer server;
    private final ExecutorService handlers = Executors.newFixedThreadPool(4, r -> {
        Thread t = new Thread(r, "slo-scout-api");
        t.setDaemon(true);
        return t;
    });
    private final byte[] token;
    private final Limits limits;
    private final Jobs jobs;
    private final Path work;
    private final Tokens hostingTokens;

    /**
     * @param work where jobs keep their uploads and results (one folder each)
     */
    public ApiServer(InetSocketAddress listen, String token, Limits limits, int workers, int queue, Path work,
            Jobs.Runner runner, Tokens hostingTokens) throws IOException {
        this.token = token.getBytes(StandardCharsets.UTF_8);
        this.limits = limits;
        this.work = work;
        this.hostingTokens = hostingTokens;
        this.jobs = new Jobs(workers, queue, runner, limits.jobTimeout());
        Files.createDirectories(work);
        server = HttpServer.create(listen, 0);
        server.createContext("/", this::handle);
        server.setExecutor(handlers);
        server.start();
    }

    public InetSocketAddress address() {
        return server.getAddress();
    }

    private void handle(HttpExchange exchange) throws IOException {
        try {
            String path = exchange.getRequestURI().getPath();
            String method = exchange.getRequestMethod();
            if (path.equals(PREFIX + "health") && method.equals("GET")) {
                send(exchange, 200, Json.MAPPER.createObjectNode().put("status", "ok")
                        .put("version", dev.sloscout.app.Version.current()));
                return;
            }
            if (!authorised(exchange)) {
                exchange.getResponseHeaders().add("WWW-Authenticate", "Bearer");
                error(exchange, 401, "missing or wrong token: send Authorization: Bearer TOKEN (SLO_SCOUT_TOKEN, or "
                        + "the token file serve printed)");
                return;
            }
            route(exchange, method, path);
        } catch (ApiError e) {
            error(exchange, e.status, e.getMessage());
        } catch (IOException | RuntimeException e) {
            error(exchange, 500, "the server failed: " + e.getMessage());
        } finally {
            exchange.close();
        }
    }

    /** An answer other than 2xx, with its reason. */
    static final class ApiError extends Exception {
        private static final long serialVersionUID = 1L;
        final int status;

        ApiError(int status, String message) {
            super(message);
            this.status = status;
        }
    }

    private void route(HttpExchange exchange, String method, String path) throws IOException, ApiError {
        if (path.equals(PREFIX + "openapi.json") && method.equals("GET")) {
            try (InputStream in = ApiServer.class.getResourceAsStream("openapi.json")) {
                sendBytes(exchange, 200, "application/json", in.readAllBytes());
            }
            return;
        }
        if (path.equals(PREFIX + "analyses")) {
            switch (method) {
                case "POST" -> create(exchange);
                case "GET" -> list(exchange);
                default -> throw new ApiError(405, method + " is not allowed on " + path);
            }
            return;
        }
        if (!path.startsWith(PREFIX + "analyses/")) {
            throw new ApiError(404, "no such endpoint: " + path + " (see " + PREFIX + "openapi.json)");
        }
        String rest = path.substring((PREFIX + "analyses/").length());
        int slash = rest.indexOf('/');
        Jobs.Job job = jobs.get(slash < 0 ? rest : rest.substring(0, slash));
        if (job == null) {
            throw new ApiError(404, "no analysis " + (slash < 0 ? rest : rest.substring(0, slash)));
        }
        String sub = slash < 0 ? "" : rest.substring(slash + 1);
        if (sub.isEmpty()) {
            switch (method) {
                case "GET" -> send(exchange, 200, describe(job, true));
                case "DELETE" -> {
                    jobs.cancel(job);
                    send(exchange, 200, describe(job, false));
                }
                default -> throw new ApiError(405, method + " is not allowed on " + path);
            }
        } else if (sub.equals("bundle") && method.equals("GET")) {
            done(job);
            sendBytes(exchange, 200, "application/zip", zip(job.folder.resolve("bundle")));
        } else if (sub.startsWith("bundle/") && method.equals("GET")) {
            done(job);
            sendBytes(exchange, 200, contentType(sub), bundleFile(job, sub.substring("bundle/".length())));
        } else if (sub.equals("publish") && method.equals("POST")) {
            done(job);
            publish(exchange, job);
        } else {
            throw new ApiError(404, "no such endpoint: " + path);
        }
    }

    private boolean authorised(HttpExchange exchange) {
        String header = exchange.getRequestHeaders().getFirst("Authorization");
        if (header == null || !header.startsWith("Bearer ")) {
            return false;
        }
        return MessageDigest.isEqual(token, header.substring(7).strip().getBytes(StandardCharsets.UTF_8));
    }

    /** POST /analyses: JSON with inputs on this machine, or an upload (a body, or multipart files). */
    private void create(HttpExchange exchange) throws IOException, ApiError {
        String id = Jobs.newId();
        Path folder = work.resolve(id);
        String type = String.valueOf(exchange.getRequestHeaders().getFirst("Content-Type")).toLowerCase(Locale.ROOT);
        byte[] body = readBody(exchange);
        List<Path> inputs = new ArrayList<>();
        Map<String, String> options = new HashMap<>();
        if (type.startsWith("application/json")) {
            JsonNode request;
            try {
                request = Json.MAPPER.readTree(body);
            } catch (IOException e) {
                throw new ApiError(400, "the body is not JSON: " + e.getMessage());
            }
            if (!request.path("inputs").isArray() || request.path("inputs").isEmpty()) {
                throw new ApiError(400, "give \"inputs\": [\"/path\", ...] (files or folders on this machine)");
            }
            for (JsonNode input : request.path("inputs")) {
                inputs.add(allowed(input.asText()));
            }
            request.path("options").fields().forEachRemaining(e -> options.put(e.getKey(), e.getValue().asText()));
            AnalysisJobs.checkOptions(options);
        } else {
            Files.createDirectories(folder.resolve("uploads"));
            if (type.startsWith("multipart/form-data")) {
                inputs.addAll(Multipart.save(body, type, folder.resolve("uploads"), limits.maxUploads()));
            } else {
                String name = Multipart.safeName(exchange.getRequestHeaders().getFirst("X-Filename"), "upload");
                Path file = folder.resolve("uploads").resolve(name);
                Files.write(file, body);
                inputs.add(file);
            }
            if (inputs.isEmpty()) {
                throw new ApiError(400, "the upload has no files");
            }
        }
        Jobs.Job job = new Jobs.Job(id, inputs, options, folder);
        if (!jobs.submit(job)) {
            throw new ApiError(429, "the queue is full: try again later");
        }
        exchange.getResponseHeaders().add("Location", PREFIX + "analyses/" + id);
        send(exchange, 202, Json.MAPPER.createObjectNode().put("id", id).put("status", "queued"));
    }

    /** A path on this machine, only under a folder the user allowed (after resolving links). */
    private Path allowed(String input) throws ApiError, IOException {
        Path path;
        try {
            path = Path.of(input).toAbsolutePath().normalize();
        } catch (RuntimeException e) {
            throw new ApiError(400, "not a path: " + input);
        }
        Path real;
        try {
            real = path.toRealPath();
        } catch (NoSuchFileException e) {
            throw new ApiError(400, input + ": no such file or folder");
        }
        for (Path allow : limits.allowed()) {
            Path realAllow = Files.exists(allow) ? allow.toRealPath() : allow;
            if (real.startsWith(realAllow)) {
                return real;
            }
        }
        throw new ApiError(403, input + " is outside the folders serve was allowed to read (--allow DIR)");
    }

    private byte[] readBody(HttpExchange exchange) throws IOException, ApiError {
        String length = exchange.getRequestHeaders().getFirst("Content-Length");
        if (length != null && Long.parseLong(length.strip()) > limits.maxBodyBytes()) {
            throw new ApiError(413, "the body is " + length.strip() + " bytes, more than the " + limits.maxBodyBytes()
                    + " allowed (--max-body)");
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        byte[] buffer = new byte[64 * 1024];
        try (InputStream in = exchange.getRequestBody()) {
            for (int n; (n = in.read(buffer)) > 0; ) {
                out.write(buffer, 0, n);
                if (out.size() > limits.maxBodyBytes()) {
                    throw new ApiError(413, "the body is more than the " + limits.maxBodyBytes()
                            + " bytes allowed (--max-body)");
                }
            }
        }
        return out.toByteArray();
    }

    private void list(HttpExchange exchange) throws IOException {
        var array = Json.MAPPER.createArrayNode();
        jobs.all().forEach(job -> array.add(describe(job, false)));
        send(exchange, 200, Json.MAPPER.createObjectNode().set("analyses", array));
    }

    /** The job as GET /analyses/{id} answers: its status, progress, message, and analysis.json once done. */
    private ObjectNode describe(Jobs.Job job, boolean withAnalysis) {
        ObjectNode out = Json.MAPPER.createObjectNode().put("id", job.id)
                .put("status", job.status.name().toLowerCase(Locale.ROOT)).put("progress", job.progress)
                .put("message", job.message);
        if (withAnalysis && job.status == Jobs.Status.DONE) {
            try {
                out.set("analysis", Json.MAPPER.readTree(job.folder.resolve("analysis.json").toFile()));
            } catch (IOException e) {
                out.put("message", "analysis.json cannot be read: " + e.getMessage());
            }
        }
        return out;
    }

    private static void done(Jobs.Job job) throws ApiError {
        if (job.status != Jobs.Status.DONE) {
            throw new ApiError(409, "analysis " + job.id + " is " + job.status.name().toLowerCase(Locale.ROOT)
                    + ": its bundle exists once it is done");
        }
    }

    private static byte[] bundleFile(Jobs.Job job, String relative) throws ApiError, IOException {
        Path root = job.folder.resolve("bundle").normalize();
        Path file = root.resolve(relative).normalize();
        if (!file.startsWith(root) || !Files.isRegularFile(file)) {
            throw new ApiError(404, "no file " + relative + " in the bundle");
        }
        return Files.readAllBytes(file);
    }

    private static byte[] zip(Path root) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(bytes); Stream<Path> walk = Files.walk(root)) {
            for (Path file : walk.filter(Files::isRegularFile).sorted().toList()) {
                zip.putNextEntry(new ZipEntry(root.relativize(file).toString().replace('\\', '/')));
                Files.copy(file, zip);
                zip.closeEntry();
            }
        }
        return bytes.toByteArray();
    }

    /** POST /analyses/{id}/publish: the bundle to a branch, the pull request opened or updated (as publish). */
    private void publish(HttpExchange exchange, Jobs.Job job) throws IOException, ApiError {
        JsonNode request;
        try {
            request = Json.MAPPER.readTree(readBody(exchange));
        } catch (IOException e) {
            throw new ApiError(400, "the body is not JSON: " + e.getMessage());
        }
        String repository = request.path("repo").asText("");
        String branch = request.path("branch").asText("");
        if (repository.isEmpty() || branch.isEmpty()) {
            throw new ApiError(400, "give \"repo\" and \"branch\" (and optionally \"base\", \"path\", \"hosting\": "
                    + "github|gitlab, \"api\", \"slug\", \"dryRun\")");
        }
        String hostingKind = request.path("hosting").asText("none");
        if (!java.util.Set.of("none", "github", "gitlab").contains(hostingKind)) {
            throw new ApiError(400, "\"hosting\" is none, github or gitlab, got \"" + hostingKind + "\"");
        }
        try {
            Hosting hosting = null;
            org.eclipse.jgit.transport.CredentialsProvider credentials = null;
            if (!hostingKind.equals("none")) {
                String secret = hostingTokens.of(hostingKind).orElseThrow(() -> new ApiError(400, "no "
                        + hostingKind + " token on the server: set " + hostingTokens.where(hostingKind)));
                URI api = URI.create(request.path("api").asText(hostingKind.equals("github")
                        ? "https://api.github.com" : "https://gitlab.com/api/v4"));
                String slug = request.path("slug").asText("");
                hosting = Hosting.of(hostingKind, api, slug, secret);
                credentials = Hosting.gitCredentials(hostingKind, secret);
            }
            Path bundle = job.folder.resolve("bundle");
            Files.copy(job.folder.resolve("analysis.json"), bundle.resolve("analysis.json"),
                    java.nio.file.StandardCopyOption.REPLACE_EXISTING);
            Publisher.Result result = new Publisher().publish(new Publisher.Request(bundle, repository, branch,
                    request.path("base").asText("main"), request.path("path").asText("slo/"),
                    request.path("title").asText(null), hosting, request.path("dryRun").asBoolean(false),
                    credentials));
            ObjectNode out = Json.MAPPER.createObjectNode().put("commit", result.commit()).put("title", result.title())
                    .put("added", result.changes().added().size()).put("modified", result.changes().modified().size())
                    .put("removed", result.changes().removed().size());
            if (request.path("dryRun").asBoolean(false)) {
                out.put("diff", result.diff()).put("body", result.body());
            }
            if (result.pullRequest() != null) {
                out.putObject("pullRequest").put("number", result.pullRequest().number())
                        .put("url", result.pullRequest().url()).put("created", result.pullRequest().created());
            }
            send(exchange, 200, out);
        } catch (PublishException | IllegalArgumentException e) {
            throw new ApiError(502, "publish failed: " + e.getMessage());
        }
    }

    private static String contentType(String path) {
        return path.endsWith(".json") ? "application/json" : path.endsWith(".md") ? "text/markdown; charset=utf-8"
                : path.endsWith(".yml") || path.endsWith(".yaml") ? "application/yaml" : "application/octet-stream";
    }

    private static void send(HttpExchange exchange, int status, JsonNode body) throws IOException {
        sendBytes(exchange, status, "application/json", Json.MAPPER.writeValueAsBytes(body));
    }

    /** What an error answer reads of a request body it refuses, so the client sees the answer (not a reset). */
    static final long DRAIN = 16L * 1024 * 1024;

    private static void error(HttpExchange exchange, int status, String message) throws IOException {
        drain(exchange);
        exchange.getResponseHeaders().set("Connection", "close");
        send(exchange, status, Json.MAPPER.createObjectNode().put("error", message).put("status", status));
    }

    /**
     * Reads and drops what is left of the request body (at most {@link #DRAIN} bytes): a server that answers and
     * closes with unread bytes makes TCP reset the connection, and the client loses the answer.
     */
    private static void drain(HttpExchange exchange) {
        byte[] buffer = new byte[64 * 1024];
        long read = 0;
        try {
            InputStream in = exchange.getRequestBody();
            for (int n; read < DRAIN && (n = in.read(buffer)) > 0; ) {
                read += n;
            }
        } catch (IOException e) {
            // the client went away: nothing to answer
        }
    }

    private static void sendBytes(HttpExchange exchange, int status, String type, byte[] bytes) throws IOException {
        exchange.getResponseHeaders().set("Content-Type", type);
        exchange.sendResponseHeaders(status, bytes.length == 0 ? -1 : bytes.length);
        if (bytes.length > 0) {
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(bytes);
            }
        }
    }

    @Override
    public void close() {
        server.stop(0);
        jobs.close();
        handlers.shutdownNow();
    }
}
