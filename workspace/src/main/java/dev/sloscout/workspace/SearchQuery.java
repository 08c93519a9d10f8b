package dev.sloscout.workspace;

/**
 * A search over the workspace: free text in Lucene query syntax ({@code "connection reset" AND service:cart} works,
 * and so does a plain phrase) with optional filters. Null filters do not filter.
 *
 * @param text      what to look for in templates, samples and operations; blank matches everything
 * @param service   only this service
 * @param severity  only capsules that saw this severity (e.g. {@code ERROR})
 * @param journeyId only capsules or operations linked to this journey
 * @param fromMillis only what was seen at or after this time
 * @param toMillis   only what was seen at or before this time
 * @param limit      at most this many hits
 */
public record SearchQuery(String text, String service, String severity, String journeyId, Long fromMillis,
        Long toMillis, int limit) {
    public static SearchQuery text(String text) {
        return new SearchQuery(text, null, null, null, null, null, 20);
    }

    public SearchQuery withService(String s) {
        return new SearchQuery(text, s, severity, journeyId, fromMillis, toMillis, limit);
    }

    public SearchQuery withSeverity(String s) {
        return new SearchQuery(text, service, s, journeyId, fromMillis, toMillis, limit);
    }

    public SearchQuery withJourney(String j) {
        return new SearchQuery(text, service, severity, j, fromMillis, toMillis, limit);
    }

    public SearchQuery between(Long from, Long to) {
        return new SearchQuery(text, service, severity, journeyId, from, to, limit);
    }
}
