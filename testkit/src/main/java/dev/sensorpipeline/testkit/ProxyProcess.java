package dev.sensorpipeline.testkit;

import static dev.sensorpipeline.testkit.AwsJsonRewrites.MAPPER;

import com.fasterxml.jackson.core.JsonProcessingException;
import java.io.PrintStream;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/** The proxy as a process, for scripts: {@link FaultInjectingProxy#main} runs it. */
final class ProxyProcess {

    private ProxyProcess() {
    }

    /**
     * Runs a proxy until the process is stopped: prints {@code listening on http://127.0.0.1:PORT} once it accepts
     * calls, {@code stats {JSON}} every {@code --stats-interval} seconds if given, and a last stats line on exit.
     * Exits 2 on bad arguments; {@code --help} lists them.
     */
    static void run(String[] args) throws InterruptedException {
        ProxyCommandLine line;
        try {
            line = ProxyCommandLine.parse(args);
        } catch (IllegalArgumentException e) {
            System.err.println(e.getMessage());
            System.err.println(ProxyCommandLine.USAGE);
            System.exit(2);
            return;
        }
        if (line.help()) {
            System.out.println(ProxyCommandLine.USAGE);
            return;
        }
        FaultInjectingProxy proxy = FaultInjectingProxy.start(line.upstream(), line.plan(), line.port());
        PrintStream out = System.out;
        out.println("listening on " + proxy.endpoint());
        out.flush();
        if (!line.statsInterval().isZero()) {
            ScheduledExecutorService printer = Executors.newSingleThreadScheduledExecutor(
                    FaultInjectingProxy.daemonThreads("stats-"));
            long seconds = line.statsInterval().toSeconds();
            printer.scheduleAtFixedRate(() -> printStats(proxy, out), seconds, seconds, TimeUnit.SECONDS);
        }
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            printStats(proxy, out);
            proxy.close();
        }, "fault-proxy-stop"));
        new CountDownLatch(1).await();
    }

    private static void printStats(FaultInjectingProxy proxy, PrintStream out) {
        try {
            out.println("stats " + MAPPER.writeValueAsString(proxy.stats()));
            out.flush();
        } catch (JsonProcessingException e) {
            out.println("stats unavailable: " + e.getMessage());
        }
    }
}
