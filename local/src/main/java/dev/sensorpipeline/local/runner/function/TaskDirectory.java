package dev.sensorpipeline.local.runner.function;

import dev.sensorpipeline.local.runner.base.SetupException;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.Comparator;
import java.util.Enumeration;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

/**
 * The function's code unpacked as Lambda unpacks a deployment package into {@code /var/task}. Unpacked again
 * whenever the jar changed since (a rebuild), before an execution environment starts.
 */
public final class TaskDirectory {

    private final Path jar;
    private final Path root;
    private final Path marker;

    public TaskDirectory(Path jar, Path root) {
        this.jar = jar.toAbsolutePath();
        this.root = root.toAbsolutePath();
        this.marker = this.root.resolveSibling(this.root.getFileName() + ".source");
    }

    public Path root() {
        return root;
    }

    public Path jar() {
        return jar;
    }

    /** Unpacks the jar unless the task root already holds this version of it; returns the task root. */
    public synchronized Path prepare() {
        if (!Files.isRegularFile(jar)) {
            throw new SetupException("no function jar at " + jar + ": build it with mvn -B -q package -DskipTests"
                    + " -pl lambda -am, or name it with --function-jar");
        }
        try {
            String version = version();
            if (Files.isDirectory(root) && Files.isRegularFile(marker) && Files.readString(marker).equals(version)) {
                return root;
            }
            Files.deleteIfExists(marker);
            deleteRecursively(root);
            unpack();
            Files.writeString(marker, version);
            return root;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot unpack " + jar + " into " + root + ": " + e.getMessage(), e);
        }
    }

    private String version() throws IOException {
        BasicFileAttributes attributes = Files.readAttributes(jar, BasicFileAttributes.class);
        return jar + " " + attributes.size() + " " + attributes.lastModifiedTime().toMillis();
    }

    private void unpack() throws IOException {
        Files.createDirectories(root);
        try (ZipFile zip = new ZipFile(jar.toFile())) {
            Enumeration<? extends ZipEntry> entries = zip.entries();
            while (entries.hasMoreElements()) {
                ZipEntry entry = entries.nextElement();
                Path target = root.resolve(entry.getName()).normalize();
                if (!target.startsWith(root)) {
                    throw new IOException("the jar's entry " + entry.getName() + " points outside the task root");
                }
                if (entry.isDirectory()) {
                    Files.createDirectories(target);
                    continue;
                }
                Files.createDirectories(target.getParent());
                try (InputStream in = zip.getInputStream(entry)) {
                    Files.copy(in, target);
                }
            }
        }
    }

    private static void deleteRecursively(Path directory) throws IOException {
        if (!Files.exists(directory)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(directory)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(path);
            }
        }
    }
}
