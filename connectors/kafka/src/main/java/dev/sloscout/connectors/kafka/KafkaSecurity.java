package dev.sloscout.connectors.kafka;

import java.nio.file.Path;
import java.util.Locale;
import java.util.Properties;
import java.util.Set;
import java.util.function.UnaryOperator;

/**
 * How a client authenticates to the brokers: protocol, SASL mechanism and user, trust and key stores. Passwords come
 * from the environment ({@code SLO_SCOUT_KAFKA_PASSWORD}, {@code SLO_SCOUT_KAFKA_TRUSTSTORE_PASSWORD},
 * {@code SLO_SCOUT_KAFKA_KEYSTORE_PASSWORD}), never from a command line or a settings file, and are never printed.
 * The CLI and the workbench build the same client properties from it.
 *
 * @param protocol   PLAINTEXT, SSL, SASL_PLAINTEXT or SASL_SSL; null for the client's default
 * @param mechanism  PLAIN, SCRAM-SHA-256 or SCRAM-SHA-512; null for no SASL
 * @param user       the SASL user
 * @param truststore a trust store file for TLS, or null
 * @param keystore   a key store file for TLS client authentication, or null
 */
public record KafkaSecurity(String protocol, String mechanism, String user, Path truststore, Path keystore) {
    public static final KafkaSecurity NONE = new KafkaSecurity(null, null, null, null, null);
    private static final Set<String> PROTOCOLS = Set.of("PLAINTEXT", "SSL", "SASL_PLAINTEXT", "SASL_SSL");
    private static final Set<String> MECHANISMS = Set.of("PLAIN", "SCRAM-SHA-256", "SCRAM-SHA-512");

    public KafkaSecurity {
        protocol = blankToNull(protocol);
        mechanism = blankToNull(mechanism);
        user = blankToNull(user);
        if (protocol != null && !PROTOCOLS.contains(protocol.toUpperCase(Locale.ROOT))) {
            throw new IllegalArgumentException("security protocol must be one of " + PROTOCOLS + ", got " + protocol);
        }
        if (mechanism != null && !MECHANISMS.contains(mechanism.toUpperCase(Locale.ROOT))) {
            throw new IllegalArgumentException("SASL mechanism must be one of " + MECHANISMS + ", got " + mechanism);
        }
        if (mechanism != null && user == null) {
            throw new IllegalArgumentException("SASL needs a user (its password comes from SLO_SCOUT_KAFKA_PASSWORD)");
        }
    }

    /** The client properties, with passwords read through {@code env} (System::getenv in production). */
    public Properties properties(UnaryOperator<String> env) {
        Properties p = new Properties();
        if (protocol != null) {
            p.put("security.protocol", protocol.toUpperCase(Locale.ROOT));
        }
        if (mechanism != null) {
            String m = mechanism.toUpperCase(Locale.ROOT);
            p.put("sasl.mechanism", m);
            String module = m.startsWith("SCRAM") ? "org.apache.kafka.common.security.scram.ScramLoginModule"
                    : "org.apache.kafka.common.security.plain.PlainLoginModule";
            p.put("sasl.jaas.config", module + " required username=\"" + jaas(user) + "\" password=\""
                    + jaas(String.valueOf(env.apply("SLO_SCOUT_KAFKA_PASSWORD"))) + "\";");
        }
        if (truststore != null) {
            p.put("ssl.truststore.location", truststore.toString());
            putIfSet(p, "ssl.truststore.password", env.apply("SLO_SCOUT_KAFKA_TRUSTSTORE_PASSWORD"));
        }
        if (keystore != null) {
            p.put("ssl.keystore.location", keystore.toString());
            putIfSet(p, "ssl.keystore.password", env.apply("SLO_SCOUT_KAFKA_KEYSTORE_PASSWORD"));
        }
        return p;
    }

    /**
     * Other consumer settings as {@code key=value} (session.timeout.ms, max.poll.records, fetch sizes...), checked: a
     * setting that carries a secret or that this source decides itself is refused with the reason.
     */
    public static Properties consumerSettings(java.util.List<String> pairs) {
        Properties p = new Properties();
        for (String pair : pairs) {
            int eq = pair.indexOf('=');
            if (eq <= 0) {
                throw new IllegalArgumentException("a consumer setting is key=value, got '" + pair + "'");
            }
            String key = pair.substring(0, eq).trim();
            String lower = key.toLowerCase(Locale.ROOT);
            if (lower.contains("password") || lower.contains("jaas") || lower.contains("secret")
                    || lower.contains("token")) {
                throw new IllegalArgumentException(key + ": secrets never go on the command line; they come from "
                        + "the environment (SLO_SCOUT_KAFKA_PASSWORD and the store passwords)");
            }
            if (Set.of("enable.auto.commit", "group.id", "bootstrap.servers", "key.deserializer",
                    "value.deserializer", "auto.offset.reset").contains(lower)) {
                throw new IllegalArgumentException(key + " is set by slo-scout itself (its commit rule, --group, "
                        + "--bootstrap, --from)");
            }
            p.put(key, pair.substring(eq + 1).trim());
        }
        return p;
    }

    @Override
    public String toString() { // what may be shown: never a password
        return "KafkaSecurity[" + (protocol == null ? "default" : protocol) + (mechanism == null ? ""
                : ", " + mechanism + " as " + user) + "]";
    }

    private static void putIfSet(Properties p, String key, String value) {
        if (value != null) {
            p.put(key, value);
        }
    }

    private static String jaas(String value) {
        return String.valueOf(value).replace("\\", "\\\\").replace("\"", "\\\"");
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.trim();
    }
}
