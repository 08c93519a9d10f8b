package dev.sloscout.connectors.files;

/**
 * What reading one source gave.
 *
 * @param format null when the content was not recognised (or could not be opened)
 */
public record SourceReport(String source, TraceFormat format, long spans, long rejected) {
}
