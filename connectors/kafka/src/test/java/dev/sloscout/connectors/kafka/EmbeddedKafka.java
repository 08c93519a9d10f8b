package dev.sloscout.connectors.kafka;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;
import kafka.server.KafkaConfig;
import kafka.server.KafkaRaftServer;
import kafka.tools.StorageTool;
import org.apache.kafka.common.Uuid;
import org.apache.kafka.common.utils.Time;

/**
 * A real single-node Kafka (KRaft, broker and controller in one) in this JVM, listening on 127.0.0.1 only, with its
 * storage formatted in a temporary folder. {@link #restart()} stops it and starts a new server on the same log dirs
 * and ports, the way a broker restart looks to clients.
 */
public final class EmbeddedKafka implements AutoCloseable {
    private final Properties props = new Properties();
    private int port;
    private KafkaRaftServer server;

    /**
     * Formats storage under {@code dir} and starts the broker. Kafka binds the ports it is given (a port 0 would not
     * survive {@link #restart()}), so free ports are picked first; when another process takes one in between, the
     * start fails with a bind error and is retried on new ports and fresh storage, three times at most.
     */
    public EmbeddedKafka(Path dir) throws IOException {
        for (int attempt = 1; ; attempt++) {
            configure(dir.resolve("attempt-" + attempt));
            try {
                start();
                return;
            } catch (RuntimeException e) {
                if (attempt == 3 || !causedByBind(e)) {
                    throw e;
                }
                try {
                    stop();
                } catch (RuntimeException ignored) {
                    // a half-started server: its ports and storage are abandoned with it
                }
            }
        }
    }

    private static boolean causedByBind(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof java.net.BindException) {
                return true;
            }
        }
        return false;
    }

    private void configure(Path dir) throws IOException {
        int[] free = freePorts(2);
        port = free[0];
        int controller = free[1];
        Path logs = dir.resolve("kafka-logs");
        props.clear();
        props.put("process.roles", "broker,controller");
        props.put("node.id", "1");
        props.put("listeners", "PLAINTEXT://127.0.0.1:" + port + ",CONTROLLER://127.0.0.1:" + controller);
        props.put("advertised.listeners", "PLAINTEXT://127.0.0.1:" + port);
        props.put("controller.listener.names", "CONTROLLER");
        props.put("listener.security.protocol.map", "PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT");
        props.put("controller.quorum.voters", "1@127.0.0.1:" + controller);
        props.put("log.dirs", logs.toString());
        props.put("offsets.topic.replication.factor", "1");
        props.put("transaction.state.log.replication.factor", "1");
        props.put("transaction.state.log.min.isr", "1");
        props.put("share.coordinator.state.topic.replication.factor", "1");
        props.put("share.coordinator.state.topic.min.isr", "1");
        props.put("group.initial.rebalance.delay.ms", "0");
        props.put("num.partitions", "3");
        Files.createDirectories(dir);
        Path config = dir.resolve("server.properties");
        try (var out = Files.newOutputStream(config)) {
            props.store(out, "slo-scout test broker");
        }
        ByteArrayOutputStream log = new ByteArrayOutputStream();
        int code = StorageTool.execute(new String[] {"format", "-t", Uuid.randomUuid().toString(), "-c",
            config.toString()}, new PrintStream(log, true, StandardCharsets.UTF_8));
        if (code != 0) {
            throw new IOException("kafka storage format failed: " + log.toString(StandardCharsets.UTF_8));
        }
    }

    private void start() {
        server = new KafkaRaftServer(KafkaConfig.fromProps(props, false), Time.SYSTEM);
        server.startup();
    }

    public String bootstrap() {
        return "127.0.0.1:" + port;
    }

    void stop() {
        server.shutdown();
        server.awaitShutdown();
    }

    public void restart() {
        stop();
        start();
    }

    @Override
    public void close() {
        stop();
    }

    /**
     * Ports free on the loopback, all different: held open together while chosen (one closed before the next is
     * asked for may be handed out again, and the broker then refuses two listeners on one port).
     */
    private static int[] freePorts(int count) throws IOException {
        ServerSocket[] sockets = new ServerSocket[count];
        try {
            int[] ports = new int[count];
            for (int i = 0; i < count; i++) {
                sockets[i] = new ServerSocket(0, 1, InetAddress.getLoopbackAddress());
                ports[i] = sockets[i].getLocalPort();
            }
            return ports;
        } finally {
            for (ServerSocket socket : sockets) {
                if (socket != null) {
                    socket.close();
                }
            }
        }
    }
}
