package dev.sloscout.workspace;

/**
 * One search result: a capsule or a span operation.
 *
 * @param kind  {@code capsule} or {@code operation}
 * @param id    capsule id, or {@code service operation} for an operation
 * @param text  the template or the operation name
 * @param count events in the capsule, spans of the operation
 * @param score Lucene's relevance score
 */
public record SearchHit(String kind, String id, String service, String text, long count, float score) {
}
