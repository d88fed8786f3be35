package dev.sensorpipeline.local.runner.function;

import dev.sensorpipeline.local.runner.base.Console;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

/**
 * Copies the function's output to the console line by line, and can tell when what the function wrote before a
 * moment has been copied: the runtime writes its logs before it posts its response, so waiting for that before the
 * END and REPORT lines keeps an invocation's lines together, as in Lambda's log stream.
 *
 * <p>Only the pump's thread touches the stream (a process pipe's reads and {@code available()} share one lock): it
 * notes when it found the pipe empty before blocking on it. Output written before a moment is copied once the pump
 * found the pipe empty after that moment, or, when it has been blocked since before, once the kernel has had a
 * moment to wake it.
 */
final class OutputPump {

    private static final long WAKE_UP_NANOS = Duration.ofMillis(5).toNanos();

    private final InputStream in;
    private final Console console;
    private final ByteArrayOutputStream partial = new ByteArrayOutputStream();
    private volatile boolean idle;
    private volatile long idleSince;
    private volatile boolean closed;

    private OutputPump(InputStream in, Console console) {
        this.in = in;
        this.console = console;
    }

    static OutputPump start(InputStream in, Console console, String name) {
        OutputPump pump = new OutputPump(in, console);
        Thread thread = new Thread(pump::run, name);
        thread.setDaemon(true);
        thread.start();
        return pump;
    }

    /** Waits, at most {@code limit}, until what was written before now is on the console. */
    void awaitCopied(Duration limit) throws InterruptedException {
        long since = System.nanoTime();
        long deadline = since + limit.toNanos();
        while (!copied(since) && System.nanoTime() < deadline) {
            Thread.sleep(1);
        }
    }

    private boolean copied(long since) {
        return closed || (idle && (idleSince - since > 0 || System.nanoTime() - since > WAKE_UP_NANOS));
    }

    private void run() {
        byte[] buffer = new byte[8192];
        try {
            while (true) {
                if (in.available() == 0) {
                    idleSince = System.nanoTime();
                    idle = true;
                }
                int read = in.read(buffer);
                idle = false;
                if (read < 0) {
                    break;
                }
                for (int i = 0; i < read; i++) {
                    if (buffer[i] == '\n') {
                        flushLine();
                    } else {
                        partial.write(buffer[i]);
                    }
                }
            }
        } catch (IOException gone) {
            // the process is gone
        } finally {
            if (partial.size() > 0) {
                flushLine();
            }
            closed = true;
        }
    }

    private void flushLine() {
        String line = partial.toString(StandardCharsets.UTF_8);
        partial.reset();
        console.log(line.endsWith("\r") ? line.substring(0, line.length() - 1) : line);
    }
}
