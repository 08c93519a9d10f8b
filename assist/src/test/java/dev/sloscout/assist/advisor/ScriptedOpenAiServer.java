package dev.sloscout.assist.advisor;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Map;

/**
 * A real HTTP server on 127.0.0.1 that speaks the OpenAI chat-completions protocol with scripted answers, in order:
 * a completion whose content is given text, an HTTP error with a body, or a delay. It records every request it got.
 */
public final class ScriptedOpenAiServer implements AutoCloseable {
    public record Reply(int status, String content, long delayMillis) {
        public static Reply completion(String content) {
            return new Reply(200, content, 0);
        }

        public static Reply error(int status) {
            return new Reply(status, null, 0);
        }

        public static Reply slow(String content, long delayMillis) {
            return new Reply(200, content, delayMillis);
        }
    }

    public record Request(String authorization, String body) {
    }

    private static final ObjectMapper JSON = new ObjectMapper();
    private final HttpServer server;
    private final Deque<Reply> script = new ArrayDeque<>();
    private final List<Request> requests = new ArrayList<>();

    public ScriptedOpenAiServer(Reply... replies) throws IOException {
        script.addAll(List.of(replies));
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/v1/chat/completions", exchange -> {
            String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            Reply reply;
            synchronized (this) {
                requests.add(new Request(exchange.getRequestHeaders().getFirst("Authorization"), body));
                reply = script.isEmpty() ? Reply.error(500) : script.poll();
            }
            try {
                Thread.sleep(reply.delayMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            byte[] out = (reply.status() == 200 ? completion(reply.content())
                    : "{\"error\":{\"message\":\"scripted " + reply.status() + "\",\"type\":\"server_error\"}}")
                    .getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            try {
                exchange.sendResponseHeaders(reply.status(), out.length);
                try (OutputStream os = exchange.getResponseBody()) {
                    os.write(out);
                }
            } catch (IOException clientGone) {
                // the client timed out and hung up: that is the scripted case
            }
        });
        server.start();
    }

    private static String completion(String content) throws IOException {
        return JSON.writeValueAsString(Map.of("id", "chatcmpl-1", "object", "chat.completion", "created", 1,
                "model", "scripted", "choices", List.of(Map.of("index", 0, "finish_reason", "stop",
                        "message", Map.of("role", "assistant", "content", content))),
                "usage", Map.of("prompt_tokens", 1, "completion_tokens", 1, "total_tokens", 2)));
    }

    public String baseUrl() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/v1";
    }

    public synchronized List<Request> requests() {
        return List.copyOf(requests);
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
