package dev.sloscout.app.advisor;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import dev.sloscout.pipeline.Json;
import dev.sloscout.assist.advisor.AdvisorSettings;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

/**
 * The advisor's settings as the workbench keeps them, in {@code ~/.slo-scout/advisor.json}: endpoint, model, timeout
 * and where the key file is. The key itself is only in the key file (owner-only), never here.
 *
 * @param endpoint blank: the advisor is off and the engine answers
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record AdvisorConfig(String endpoint, String model, int timeoutSeconds, String keyFile) {
    static final String FILE = "advisor.json";
    public static final AdvisorConfig OFF = new AdvisorConfig("", "gpt-4o-mini", 60, null);

    public AdvisorConfig {
        endpoint = endpoint == null ? "" : endpoint.trim();
        model = model == null || model.isBlank() ? "gpt-4o-mini" : model.trim();
        timeoutSeconds = timeoutSeconds <= 0 ? 60 : Math.min(timeoutSeconds, 600);
    }

    public boolean enabled() {
        return !endpoint.isBlank();
    }

    /** The validated settings; throws IllegalArgumentException naming what is wrong. */
    public AdvisorSettings settings() {
        return new AdvisorSettings(endpoint, model, Duration.ofSeconds(timeoutSeconds), 2, 12_000);
    }

    public static AdvisorConfig load(Path home) throws IOException {
        Path file = home.resolve(FILE);
        return Files.isRegularFile(file) ? Json.MAPPER.readValue(file.toFile(), AdvisorConfig.class) : OFF;
    }

    public void save(Path home) throws IOException {
        Files.createDirectories(home);
        Json.writeFile(home.resolve(FILE), this);
    }
}
