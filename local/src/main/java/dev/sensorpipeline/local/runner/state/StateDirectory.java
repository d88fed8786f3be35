package dev.sensorpipeline.local.runner.state;

import dev.sensorpipeline.local.runner.base.SetupException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * The runner's state folder (default {@code .local-runner/}):
 * <pre>
 * .gitignore                          "*": the folder keeps itself out of git
 * mappings/UUID/shards/SHARD_ID.json  checkpoint of each shard of event source mapping UUID
 * mappings/UUID/discarded.jsonl       records given up on
 * functions/NAME/runner.lock          held while a runner of function NAME runs
 * functions/NAME/task/                the function's jar unpacked, as /var/task
 * functions/NAME/libaws-lambda-jni.so the runtime interface client's JNI library
 * </pre>
 * State is kept per mapping UUID, as Lambda keeps it: a mapping created anew (after moto restarts, say) starts
 * from its starting position, not from an old mapping's checkpoints.
 */
public final class StateDirectory {

    private final Path root;

    private StateDirectory(Path root) {
        this.root = root;
    }

    public static StateDirectory open(Path root) {
        Path absolute = root.toAbsolutePath().normalize();
        try {
            Files.createDirectories(absolute);
            Path gitignore = absolute.resolve(".gitignore");
            if (!Files.exists(gitignore)) {
                Files.writeString(gitignore, "# local runner state: checkpoints, discarded records, unpacked code\n*\n",
                        StandardCharsets.UTF_8);
            }
        } catch (IOException e) {
            throw new SetupException("cannot use " + absolute + " as the state folder: " + e.getMessage()
                    + "; choose another with --state-dir", e);
        }
        return new StateDirectory(absolute);
    }

    public Path root() {
        return root;
    }

    public Path mappingDirectory(String uuid) {
        return root.resolve("mappings").resolve(safe(uuid));
    }

    public Path shardCheckpoints(String uuid) {
        return mappingDirectory(uuid).resolve("shards");
    }

    public Path discardFile(String uuid) {
        return mappingDirectory(uuid).resolve("discarded.jsonl");
    }

    public Path functionDirectory(String functionName) {
        return root.resolve("functions").resolve(safe(functionName));
    }

    /** A lock released on close. */
    public interface Lock extends AutoCloseable {
        @Override
        void close();
    }

    /** Holds the function's lock until closed; fails when another runner of the function uses this folder. */
    public Lock lockFunction(String functionName) {
        Path file = functionDirectory(functionName).resolve("runner.lock");
        try {
            Files.createDirectories(file.getParent());
            FileChannel channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
            FileLock lock;
            try {
                lock = channel.tryLock();
            } catch (OverlappingFileLockException e) {
                lock = null;
            }
            if (lock == null) {
                channel.close();
                throw new SetupException("another runner of '" + functionName + "' is using " + root
                        + ": stop it first, or give this one another --state-dir");
            }
            FileLock held = lock;
            return () -> {
                try {
                    held.release();
                    channel.close();
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            };
        } catch (IOException e) {
            throw new UncheckedIOException("cannot lock " + file + ": " + e.getMessage(), e);
        }
    }

    private static String safe(String name) {
        if (!name.matches("[A-Za-z0-9_.:-]+") || name.contains("..")) {
            throw new IllegalArgumentException("not a name for a folder: " + name);
        }
        return name.replace(':', '_');
    }
}
