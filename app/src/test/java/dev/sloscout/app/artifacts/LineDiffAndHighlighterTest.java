package dev.sloscout.app.artifacts;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class LineDiffAndHighlighterTest {
    @Test
    void theDiffKeepsCommonLinesAndMarksTheRest() {
        List<LineDiff.Line> diff = LineDiff.of("a\nb\nc\nd", "a\nc\nX\nd");
        assertThat(diff).containsExactly(new LineDiff.Line(LineDiff.Kind.SAME, "a"), new LineDiff.Line(LineDiff.Kind.REMOVED, "b"),
                new LineDiff.Line(LineDiff.Kind.SAME, "c"), new LineDiff.Line(LineDiff.Kind.ADDED, "X"),
                new LineDiff.Line(LineDiff.Kind.SAME, "d"));
        assertThat(LineDiff.changed(LineDiff.of("same", "same"))).isFalse();
        assertThat(LineDiff.of("", "new")).containsExactly(new LineDiff.Line(LineDiff.Kind.ADDED, "new"));
    }

    @Test
    void yamlKeysStringsNumbersAndCommentsAreToldApartAndNothingIsLost() {
        String yaml = "# rules\ngroups:\n  - name: \"a:b\"\n    interval: 30\n    enabled: true # on\n    expr: sum(rate(x{le=\"0.5\"}[5m]))";
        List<Highlighter.Piece> pieces = Highlighter.highlight("x.yml", yaml);
        assertThat(String.join("", pieces.stream().map(Highlighter.Piece::text).toList())).isEqualTo(yaml);
        assertThat(pieces).contains(new Highlighter.Piece("# rules", Highlighter.Style.COMMENT),
                new Highlighter.Piece("groups", Highlighter.Style.KEY), new Highlighter.Piece("\"a:b\"", Highlighter.Style.STRING),
                new Highlighter.Piece("30", Highlighter.Style.NUMBER), new Highlighter.Piece("true", Highlighter.Style.LITERAL),
                new Highlighter.Piece("# on", Highlighter.Style.COMMENT), new Highlighter.Piece("\"0.5\"", Highlighter.Style.STRING));
        assertThat(pieces).noneMatch(p -> p.text().equals("rate") && p.style() != Highlighter.Style.PLAIN);
    }

    @Test
    void jsonKeysDifferFromValuesAndMarkdownHeadingsAndCodeAreMarked() {
        List<Highlighter.Piece> json = Highlighter.highlight("d.json", "{\"title\": \"SLOs\", \"id\": 3, \"x\": null}");
        assertThat(json).contains(new Highlighter.Piece("\"title\"", Highlighter.Style.KEY),
                new Highlighter.Piece("\"SLOs\"", Highlighter.Style.STRING), new Highlighter.Piece("null", Highlighter.Style.LITERAL));
        List<Highlighter.Piece> md = Highlighter.highlight("r.md", "# Runbook\nrun `kubectl get pods` now\n```\ncode\n```");
        assertThat(md).contains(new Highlighter.Piece("# Runbook", Highlighter.Style.HEADING),
                new Highlighter.Piece("`kubectl get pods`", Highlighter.Style.CODE));
        assertThat(String.join("", md.stream().map(Highlighter.Piece::text).toList()))
                .isEqualTo("# Runbook\nrun `kubectl get pods` now\n```\ncode\n```");
    }
}
