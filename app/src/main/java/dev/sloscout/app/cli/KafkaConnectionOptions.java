package dev.sloscout.app.cli;

import dev.sloscout.connectors.kafka.KafkaSecurity;
import java.nio.file.Path;
import java.util.List;
import java.util.Properties;
import picocli.CommandLine.Option;

/**
 * How a command connects to Kafka beyond the bootstrap servers: TLS and SASL (passwords from the environment only,
 * never from the command line, never printed) and any other client setting.
 */
final class KafkaConnectionOptions {
    @Option(names = "--security-protocol", paramLabel = "PROTOCOL",
            description = "PLAINTEXT, SSL, SASL_PLAINTEXT or SASL_SSL.")
    String securityProtocol;

    @Option(names = "--sasl-mechanism", paramLabel = "MECHANISM", description = "PLAIN, SCRAM-SHA-256, SCRAM-SHA-512.")
    String saslMechanism;

    @Option(names = "--sasl-user", paramLabel = "USER",
            description = "SASL user; the password is read from SLO_SCOUT_KAFKA_PASSWORD.")
    String saslUser;

    @Option(names = "--truststore", paramLabel = "FILE",
            description = "TLS trust store; its password from SLO_SCOUT_KAFKA_TRUSTSTORE_PASSWORD.")
    Path truststore;

    @Option(names = "--keystore", paramLabel = "FILE",
            description = "TLS key store (client certificate); its password from SLO_SCOUT_KAFKA_KEYSTORE_PASSWORD.")
    Path keystore;

    @Option(names = "--kafka-property", paramLabel = "KEY=VALUE",
            description = "Any other client setting (repeatable), e.g. session.timeout.ms=10000; secrets are "
                    + "refused here (they come from the environment).")
    List<String> clientSettings = List.of();

    /** Client security settings; secrets from the environment only. */
    Properties properties() {
        Properties p = KafkaSecurity.consumerSettings(clientSettings);
        p.putAll(new KafkaSecurity(securityProtocol, saslMechanism, saslUser, truststore, keystore)
                .properties(System::getenv));
        return p;
    }
}
