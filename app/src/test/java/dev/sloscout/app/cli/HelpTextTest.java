package dev.sloscout.app.cli;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.ArrayList;
import java.util.IllegalFormatException;
import java.util.List;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;
import picocli.CommandLine.Model.ArgSpec;
import picocli.CommandLine.Model.CommandSpec;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every help text of every command formats as picocli formats it ({@code String.format}, so {@code %n} is a line
 * break and a bare {@code %} an error). A text that fails is printed raw after a picocli warning on stderr, which the
 * in-process runs of the other tests never see.
 */
class HelpTextTest {

    @Test
    void everyHelpTextIsAValidFormat() {
        PrintStream sink = new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8);
        CommandLine root = SloScoutCommand.commandLine(new ByteArrayInputStream(new byte[0]), sink, sink,
                Clock.systemUTC());

        List<String> bad = new ArrayList<>();
        List<String> commands = new ArrayList<>();
        check(root, bad, commands);

        assertThat(commands).contains("slo-scout", "slo-scout diff", "slo-scout analyze").hasSizeGreaterThan(10);
        assertThat(bad).isEmpty();
    }

    @Test
    void aBarePercentIsCaught() {
        assertThat(formatProblem("95% interval")).isNotNull();
        assertThat(formatProblem("95%% interval%nnext line")).isNull();
    }

    private static void check(CommandLine command, List<String> bad, List<String> commands) {
        CommandSpec spec = command.getCommandSpec();
        commands.add(spec.qualifiedName());
        List<String> texts = new ArrayList<>();
        texts.addAll(List.of(spec.usageMessage().description()));
        texts.addAll(List.of(spec.usageMessage().header()));
        texts.addAll(List.of(spec.usageMessage().footer()));
        for (ArgSpec arg : spec.args()) {
            texts.addAll(List.of(arg.description()));
        }
        for (String text : texts) {
            String problem = formatProblem(text);
            if (problem != null) {
                bad.add(spec.qualifiedName() + ": " + problem + " in \"" + text + "\"");
            }
        }
        command.getSubcommands().values().forEach(sub -> check(sub, bad, commands));
    }

    private static String formatProblem(String text) {
        try {
            String.format(text);
            return null;
        } catch (IllegalFormatException e) {
            return e.getClass().getSimpleName() + " (" + e.getMessage() + ")";
        }
    }
}
