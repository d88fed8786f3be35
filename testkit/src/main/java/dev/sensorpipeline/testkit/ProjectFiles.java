package dev.sensorpipeline.testkit;

import java.nio.file.Files;
import java.nio.file.Path;

/** Finds the checkout's own files (infra/, test-payloads/, scripts/) from a test. */
public final class ProjectFiles {

    private ProjectFiles() {
    }

    /** The checkout's root: the {@code sensorpipeline.root} property Maven sets, else the nearest parent with infra/. */
    public static Path root() {
        String configured = System.getProperty("sensorpipeline.root");
        if (configured != null && !configured.isBlank() && Files.isDirectory(Path.of(configured, "infra"))) {
            return Path.of(configured).toAbsolutePath();
        }
        Path dir = Path.of("").toAbsolutePath();
        while (dir != null) {
            if (Files.isDirectory(dir.resolve("infra")) && Files.isRegularFile(dir.resolve("pom.xml"))) {
                return dir;
            }
            dir = dir.getParent();
        }
        throw new IllegalStateException("cannot find the project root (a folder with infra/ and pom.xml)");
    }

    public static Path resolve(String relative) {
        return root().resolve(relative);
    }
}
