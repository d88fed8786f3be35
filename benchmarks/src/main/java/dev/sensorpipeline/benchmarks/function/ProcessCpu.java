package dev.sensorpipeline.benchmarks.function;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A process's own CPU time, all its threads, as Linux counts it: {@code utime + stime} of {@code /proc/PID/stat},
 * in clock ticks of {@code CLK_TCK} a second (10 ms at the usual 100).
 */
final class ProcessCpu {

    private final double millisPerTick;

    private ProcessCpu(long ticksPerSecond) {
        this.millisPerTick = 1000.0 / ticksPerSecond;
    }

    /** With this machine's {@code getconf CLK_TCK}. */
    static ProcessCpu ofThisMachine() {
        try {
            Process getconf = new ProcessBuilder("getconf", "CLK_TCK").redirectErrorStream(true).start();
            String ticks = new String(getconf.getInputStream().readAllBytes()).trim();
            if (getconf.waitFor() != 0 || !ticks.matches("[0-9]+")) {
                throw new IllegalStateException("getconf CLK_TCK answered '" + ticks + "'");
            }
            return new ProcessCpu(Long.parseLong(ticks));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot run getconf CLK_TCK: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }

    /** CPU time the process has used so far, in ms. */
    double millisOf(long pid) {
        String stat;
        try {
            stat = Files.readString(Path.of("/proc", Long.toString(pid), "stat"));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read /proc/" + pid + "/stat: " + e.getMessage(), e);
        }
        // After the command's name in parentheses: state is field 3, utime 14 and stime 15.
        String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
        return (Long.parseLong(fields[11]) + Long.parseLong(fields[12])) * millisPerTick;
    }
}
