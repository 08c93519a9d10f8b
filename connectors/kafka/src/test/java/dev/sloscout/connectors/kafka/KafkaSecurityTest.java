package dev.sloscout.connectors.kafka;

import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.Map;
import java.util.Properties;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class KafkaSecurityTest {
    private static final Map<String, String> ENV = Map.of("SLO_SCOUT_KAFKA_PASSWORD", "s3\"cr\\et",
            "SLO_SCOUT_KAFKA_TRUSTSTORE_PASSWORD", "trust-pw");

    @Test
    void saslAndTlsPropertiesTakePasswordsFromTheEnvironmentOnly() {
        Properties p = new KafkaSecurity("sasl_ssl", "SCRAM-SHA-512", "alice", Path.of("/etc/kafka/trust.p12"), null)
                .properties(ENV::get);
        assertThat(p).containsEntry("security.protocol", "SASL_SSL").containsEntry("sasl.mechanism", "SCRAM-SHA-512")
                .containsEntry("ssl.truststore.location", "/etc/kafka/trust.p12")
                .containsEntry("ssl.truststore.password", "trust-pw")
                .doesNotContainKey("ssl.keystore.location");
        assertThat(p.getProperty("sasl.jaas.config")).isEqualTo("org.apache.kafka.common.security.scram.ScramLoginModule "
                + "required username=\"alice\" password=\"s3\\\"cr\\\\et\";");
        assertThat(new KafkaSecurity("SASL_SSL", "PLAIN", "alice", null, null).toString())
                .doesNotContain("s3").contains("PLAIN as alice");
        assertThat(KafkaSecurity.NONE.properties(ENV::get)).isEmpty();
    }

    @Test
    void wrongSettingsAreRefusedWithTheChoices() {
        assertThatThrownBy(() -> new KafkaSecurity("TLS", null, null, null, null))
                .hasMessageContaining("PLAINTEXT");
        assertThatThrownBy(() -> new KafkaSecurity("SASL_SSL", "GSSAPI", "a", null, null))
                .hasMessageContaining("SCRAM-SHA-256");
        assertThatThrownBy(() -> new KafkaSecurity("SASL_SSL", "PLAIN", " ", null, null))
                .hasMessageContaining("needs a user");
    }

    @Test
    void otherConsumerSettingsPassButSecretsAndOwnSettingsAreRefused() {
        assertThat(KafkaSecurity.consumerSettings(java.util.List.of("session.timeout.ms=6000", "max.poll.records = 500")))
                .containsEntry("session.timeout.ms", "6000").containsEntry("max.poll.records", "500");
        assertThatThrownBy(() -> KafkaSecurity.consumerSettings(java.util.List.of("ssl.key.password=x")))
                .hasMessageContaining("never go on the command line");
        assertThatThrownBy(() -> KafkaSecurity.consumerSettings(java.util.List.of("enable.auto.commit=true")))
                .hasMessageContaining("set by slo-scout itself");
        assertThatThrownBy(() -> KafkaSecurity.consumerSettings(java.util.List.of("nope")))
                .hasMessageContaining("key=value");
    }
}
