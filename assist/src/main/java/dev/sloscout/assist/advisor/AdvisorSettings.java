package dev.sloscout.assist.advisor;

import java.net.URI;
import java.time.Duration;
import java.util.Objects;

/**
 * Where the optional LLM advisor is: any OpenAI-compatible chat-completions endpoint (OpenAI, Azure OpenAI, vLLM,
 * LM Studio, and Ollama's {@code /v1}), the model, and the limits. The API key is not here: it lives in its own
 * owner-only file ({@link AdvisorKeyFile}) and is never printed.
 *
 * @param baseUrl        e.g. {@code https://api.openai.com/v1} or {@code http://127.0.0.1:11434/v1}
 * @param maxPromptChars what may leave the machine in one request, at most (longer evidence is cut, and said so)
 */
public record AdvisorSettings(String baseUrl, String model, Duration timeout, int maxRetries, int maxPromptChars) {
    public AdvisorSettings {
        Objects.requireNonNull(model, "model");
        URI uri = URI.create(Objects.requireNonNull(baseUrl, "baseUrl"));
        if (!"http".equals(uri.getScheme()) && !"https".equals(uri.getScheme()) || uri.getHost() == null) {
            throw new IllegalArgumentException("advisor endpoint " + baseUrl + ": expected an http(s) URL");
        }
        if (timeout == null || timeout.isNegative() || timeout.isZero()) {
            throw new IllegalArgumentException("advisor timeout must be positive");
        }
        if (maxRetries < 0 || maxPromptChars < 500) {
            throw new IllegalArgumentException("advisor retries must be >= 0 and the prompt limit >= 500 characters");
        }
    }

    public static AdvisorSettings of(String baseUrl, String model) {
        return new AdvisorSettings(baseUrl, model, Duration.ofSeconds(60), 2, 12_000);
    }
}
