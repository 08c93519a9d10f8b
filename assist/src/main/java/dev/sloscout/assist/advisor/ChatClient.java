package dev.sloscout.assist.advisor;

/** One chat completion: system and user text in, the model's text out. Failures are exceptions with a reason. */
public interface ChatClient {
    String complete(String system, String user) throws AdvisorUnavailable;

    /** The endpoint could not answer (unreachable, timeout, HTTP error after retries). */
    final class AdvisorUnavailable extends Exception {
        public AdvisorUnavailable(String message, Throwable cause) {
            super(message, cause);
        }
    }
}
