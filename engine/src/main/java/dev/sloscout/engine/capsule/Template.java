package dev.sloscout.engine.capsule;

/**
 * A log template as it stands: its content-addressed id and its text, variables shown as typed placeholders.
 *
 * @param id   {@link TemplateIds#of(String[])} of the tokens: the same template has the same id on every machine
 * @param text the template rendered with the spacing of the messages it was mined from
 */
public record Template(String id, String text) {
}
