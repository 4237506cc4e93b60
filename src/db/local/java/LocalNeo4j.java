import java.io.IOException;
import java.io.InputStream;
import java.net.BindException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.neo4j.configuration.GraphDatabaseSettings;
import org.neo4j.configuration.connectors.BoltConnector;
import org.neo4j.configuration.connectors.BoltConnectorInternalSettings;
import org.neo4j.configuration.helpers.SocketAddress;
import org.neo4j.dbms.api.DatabaseManagementService;
import org.neo4j.dbms.api.DatabaseManagementServiceBuilder;
import org.neo4j.graphdb.GraphDatabaseService;

/**
 * coauthor-graph's local Neo4j: the Community engine, embedded through Neo4j's documented
 * DatabaseManagementServiceBuilder, with only a Bolt connector on 127.0.0.1 (auth disabled:
 * it is reachable from this machine only). Started and stopped by src/db/local/local-server.ts.
 *
 * Arguments (all "--name value"):
 *   --home DIR             Neo4j home; data lives in DIR/data, Neo4j's own logs in DIR/logs
 *   --port N               Bolt port on 127.0.0.1
 *   --pagecache-bytes N    page cache size
 *   --ready-file FILE      written (atomically) with "pid port" once the default database is online
 *   --state-file FILE      deleted on shutdown if it still names this process's pid
 *   --watch-stdin true     shut down when stdin closes, i.e. when the owning process is gone,
 *                          however it died (exit, Ctrl-C, SIGKILL)
 *   --lease-dir DIR        with --watch-stdin: once the owner is gone, keep serving while a file in DIR
 *                          is named after a live process (a process that joined this server), and shut
 *                          down when the last of them is gone
 *   --start-timeout-ms N   give up if the database is not online in time
 *
 * Exit codes: 0 clean shutdown, 2 bad arguments, 3 port already in use, 4 start failed.
 */
public final class LocalNeo4j {
    private static final int EXIT_BAD_ARGS = 2;
    private static final int EXIT_PORT_IN_USE = 3;
    private static final int EXIT_START_FAILED = 4;

    private LocalNeo4j() {}

    public static void main(String[] args) {
        Map<String, String> options = parse(args);
        Path home = Path.of(required(options, "--home"));
        int port = Integer.parseInt(required(options, "--port"));
        long pageCacheBytes = Long.parseLong(required(options, "--pagecache-bytes"));
        Path readyFile = Path.of(required(options, "--ready-file"));
        Path stateFile = Path.of(required(options, "--state-file"));
        boolean watchStdin = Boolean.parseBoolean(options.getOrDefault("--watch-stdin", "false"));
        Path leaseDir = options.containsKey("--lease-dir") ? Path.of(options.get("--lease-dir")) : null;
        long startTimeoutMs = Long.parseLong(options.getOrDefault("--start-timeout-ms", "180000"));

        log("starting Neo4j " + neo4jVersion() + " in " + home + " on 127.0.0.1:" + port
                + " (page cache " + pageCacheBytes + " bytes, max heap " + Runtime.getRuntime().maxMemory() + " bytes)");
        DatabaseManagementService service;
        try {
            service = new DatabaseManagementServiceBuilder(home)
                    .setConfig(BoltConnector.enabled, true)
                    .setConfig(BoltConnector.listen_address, new SocketAddress("127.0.0.1", port))
                    .setConfig(BoltConnector.advertised_address, new SocketAddress("127.0.0.1", port))
                    .setConfig(GraphDatabaseSettings.auth_enabled, false)
                    .setConfig(GraphDatabaseSettings.pagecache_memory, pageCacheBytes)
                    // The Bolt server otherwise lingers 5 s + 5 s on shutdown even when no client is connected.
                    .setConfig(BoltConnectorInternalSettings.thread_pool_shutdown_wait_time, Duration.ofSeconds(1))
                    .setConfig(BoltConnectorInternalSettings.connection_shutdown_wait_time, Duration.ofSeconds(1))
                    .build();
        } catch (RuntimeException e) {
            e.printStackTrace();
            // One line for the Node side to show; the stack trace above is for the curious.
            log("start failed: " + rootCause(e));
            System.exit(causedByBind(e) ? EXIT_PORT_IN_USE : EXIT_START_FAILED);
            return;
        }
        // Registered only once the service exists: SIGTERM, SIGINT and System.exit all shut it down cleanly.
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            log("shutting down");
            try {
                service.shutdown();
            } finally {
                deleteStateIfOurs(stateFile);
                log("stopped");
            }
        }, "coauthor-graph-shutdown"));

        GraphDatabaseService db = service.database(GraphDatabaseSettings.DEFAULT_DATABASE_NAME);
        long deadline = System.currentTimeMillis() + startTimeoutMs;
        while (!db.isAvailable(1000)) {
            if (System.currentTimeMillis() > deadline) {
                log("the default database did not come online within " + startTimeoutMs + " ms; see " + home.resolve("logs/debug.log"));
                System.exit(EXIT_START_FAILED);
            }
        }
        writeReadyFile(readyFile, port);
        log("ready on bolt://127.0.0.1:" + port);

        if (watchStdin) {
            waitForEndOfInput(System.in);
            log("owner process is gone (stdin closed)");
            waitForLeases(leaseDir);
            System.exit(0);
        } else {
            waitForever();
        }
    }

    private static void waitForEndOfInput(InputStream in) {
        byte[] buffer = new byte[256];
        try {
            while (in.read(buffer) >= 0) {
                // The owner never writes; anything it does send is ignored.
            }
        } catch (IOException e) {
            // A broken pipe means the same as end of input: the owner is gone.
        }
    }

    /** Returns once no file in leaseDir is named after a live process; checks every second. */
    private static void waitForLeases(Path leaseDir) {
        if (leaseDir == null) return;
        boolean announced = false;
        while (true) {
            long live = 0;
            try (var files = Files.list(leaseDir)) {
                live = files.map(f -> f.getFileName().toString())
                        .filter(name -> name.matches("\\d+"))
                        .filter(name -> ProcessHandle.of(Long.parseLong(name)).map(ProcessHandle::isAlive).orElse(false))
                        .count();
            } catch (IOException e) {
                live = 0; // no lease folder: nobody joined
            }
            if (live == 0) return;
            if (!announced) log("still serving " + live + " process(es) that joined (leases in " + leaseDir + ")");
            announced = true;
            try {
                Thread.sleep(1000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    private static void waitForever() {
        try {
            new CountDownLatch(1).await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static void writeReadyFile(Path readyFile, int port) {
        try {
            Path tmp = readyFile.resolveSibling(readyFile.getFileName() + ".tmp");
            Files.writeString(tmp, ProcessHandle.current().pid() + " " + port + "\n", StandardCharsets.UTF_8);
            Files.move(tmp, readyFile, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            e.printStackTrace();
            System.exit(EXIT_START_FAILED);
        }
    }

    /** The state file is written by the Node side; a newer server may already have replaced it. */
    private static void deleteStateIfOurs(Path stateFile) {
        try {
            if (!Files.exists(stateFile)) return;
            Matcher m = Pattern.compile("\"pid\"\\s*:\\s*(\\d+)").matcher(Files.readString(stateFile, StandardCharsets.UTF_8));
            if (m.find() && Long.parseLong(m.group(1)) == ProcessHandle.current().pid()) Files.deleteIfExists(stateFile);
        } catch (IOException | RuntimeException e) {
            log("could not clear " + stateFile + ": " + e);
        }
    }

    private static boolean causedByBind(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof BindException) return true;
            if (t.getCause() == t) break;
        }
        return false;
    }

    private static String rootCause(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) root = root.getCause();
        return root.getClass().getSimpleName() + ": " + root.getMessage();
    }

    private static String neo4jVersion() {
        Package p = DatabaseManagementService.class.getPackage();
        return p != null && p.getImplementationVersion() != null ? p.getImplementationVersion() : "(unknown version)";
    }

    private static Map<String, String> parse(String[] args) {
        Map<String, String> options = new HashMap<>();
        for (int i = 0; i + 1 < args.length; i += 2) {
            if (!args[i].startsWith("--")) usage("unexpected argument " + args[i]);
            options.put(args[i], args[i + 1]);
        }
        if (args.length % 2 != 0) usage("missing value after " + args[args.length - 1]);
        return options;
    }

    private static String required(Map<String, String> options, String name) {
        String value = options.get(name);
        if (value == null) usage("missing " + name);
        return value;
    }

    private static void usage(String problem) {
        System.err.println("LocalNeo4j: " + problem
                + "\nusage: LocalNeo4j --home DIR --port N --pagecache-bytes N --ready-file FILE --state-file FILE [--watch-stdin true] [--lease-dir DIR] [--start-timeout-ms N]");
        System.exit(EXIT_BAD_ARGS);
    }

    private static void log(String message) {
        System.err.println(java.time.Instant.now() + " [coauthor-graph local neo4j] " + message);
    }
}
