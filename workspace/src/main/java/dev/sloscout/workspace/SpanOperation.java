package dev.sloscout.workspace;

/** A normalised span operation of a service, as the search index lists it, with the journey it mostly serves. */
public record SpanOperation(String service, String operation, String journeyId, long spans) {
}
