package dev.sloscout.engine.capsule;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class RedactorTest {
    private final Redactor redactor = new Redactor();

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiterString = "=>", value = {
        "mail sent to jane.doe+x@example.co.uk today => mail sent to <EMAIL> today",
        "client 192.168.10.7 connected => client <IP> connected",
        "peer fe80::1ff:fe23:4567:890a up => peer <IP> up",
        "paid with 4111 1111 1111 1111 ok => paid with <CARD> ok",
        "order 4111111111111112 is not a card => order 4111111111111112 is not a card",
        "Authorization: Bearer abcDEF123456789xyz => Authorization: Bearer <TOKEN>",
        "token eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiIxMjM0NTY3ODkwIn0.dozjgNryP4J3jVmNHl0w5N_XgL0n3I9PlFUP0THsR8U => token <JWT>",
        "login user=bob password=hunter2 ok => login user=bob password=<PASSWORD> ok",
        "{\"user\":\"bob\",\"password\":\"s3cr3t\"} => {\"user\":\"bob\",\"password\":\"<PASSWORD>\"}",
        "using api_key=AbC123xyz for call => using api_key=<API_KEY> for call",
        "key AKIAIOSFODNN7EXAMPLE leaked => key <API_KEY> leaked",
        "stripe sk_live_4eC39HqLyjWDarjtT1zdp7dc => stripe <API_KEY>",
        "template <NUM> ms from <IP> => template <NUM> ms from <IP>",
    })
    void replacesSecretsAndPersonalDataByTheirKind(String input, String expected) {
        assertThat(redactor.redact(input)).isEqualTo(expected);
    }
}
