package dev.sloscout.assist;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class EmbedderTextTest {
    @Test
    void placeholdersAndRedactionsReadAsWordsOthersHyphensStay() {
        assertThat(Embedder.readable("login for <EMAIL> with <SECRET:aws-key> on re-try <NUM>"))
                .isEqualTo("login for email with aws key on re-try number");
        assertThat(Embedder.readable("ssn <SSN> card <CARD> <*> done")).isEqualTo("ssn id card card done");
    }
}
