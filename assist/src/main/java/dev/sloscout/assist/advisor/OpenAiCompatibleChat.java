package dev.sloscout.assist.advisor;

import dev.langchain4j.data.message.SystemMessage;
import dev.langchain4j.data.message.UserMessage;
import dev.langchain4j.model.chat.ChatModel;
import dev.langchain4j.model.openai.OpenAiChatModel;

/**
 * The chat client for OpenAI-compatible endpoints, through LangChain4j's OpenAI model: JSON responses asked for,
 * temperature 0, the configured timeout and retries (LangChain4j retries failures such as 429 and 5xx), request and
 * response logging off (they would carry the key's header and the data).
 */
public final class OpenAiCompatibleChat implements ChatClient {
    private final ChatModel model;
    private final String endpoint;

    public OpenAiCompatibleChat(AdvisorSettings settings, String apiKey) {
        this.endpoint = settings.baseUrl();
        this.model = OpenAiChatModel.builder()
                .baseUrl(settings.baseUrl())
                .apiKey(apiKey == null || apiKey.isBlank() ? "none" : apiKey) // local servers take any key
                .modelName(settings.model())
                .temperature(0.0)
                .responseFormat("json_object")
                .timeout(settings.timeout())
                .maxRetries(settings.maxRetries())
                .logRequests(false)
                .logResponses(false)
                .build();
    }

    @Override
    public String complete(String system, String user) throws AdvisorUnavailable {
        try {
            String text = model.chat(SystemMessage.from(system), UserMessage.from(user)).aiMessage().text();
            if (text == null) {
                throw new AdvisorUnavailable(endpoint + ": the answer had no text", null);
            }
            return text;
        } catch (RuntimeException e) {
            throw new AdvisorUnavailable(endpoint + ": " + reason(e), e);
        }
    }

    private static String reason(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        String message = root.getMessage() == null ? root.getClass().getSimpleName() : root.getMessage();
        return message.length() > 300 ? message.substring(0, 300) + "..." : message;
    }
}
