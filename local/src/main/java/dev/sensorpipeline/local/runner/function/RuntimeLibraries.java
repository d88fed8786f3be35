package dev.sensorpipeline.local.runner.function;

import dev.sensorpipeline.local.runner.base.SetupException;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

/**
 * The Lambda runtime interface client and the libraries it names, as {@code local/target/runtime/} holds them
 * (copied there by the build), and its JNI client for this machine.
 */
public record RuntimeLibraries(Path directory, Path clientJar, List<Path> classpath) {

    private static final String CLIENT_PREFIX = "aws-lambda-java-runtime-interface-client-";

    public RuntimeLibraries {
        classpath = List.copyOf(classpath);
    }

    public static RuntimeLibraries in(Path directory) {
        List<Path> jars = new ArrayList<>();
        if (Files.isDirectory(directory)) {
            try (Stream<Path> files = Files.list(directory)) {
                files.filter(f -> f.getFileName().toString().endsWith(".jar")).sorted().forEach(jars::add);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        Path client = jars.stream().filter(j -> j.getFileName().toString().startsWith(CLIENT_PREFIX)).findFirst()
                .orElseThrow(() -> new SetupException("no Lambda runtime interface client (" + CLIENT_PREFIX
                        + "*.jar) in " + directory + ": build it with mvn -B -q package -DskipTests -pl lambda,local"
                        + " -am, or point --runtime-dir at it"));
        List<Path> classpath = new ArrayList<>();
        classpath.add(client.toAbsolutePath());
        jars.stream().filter(j -> !j.equals(client)).map(Path::toAbsolutePath).forEach(classpath::add);
        return new RuntimeLibraries(directory.toAbsolutePath(), client.toAbsolutePath(), classpath);
    }

    /**
     * Unpacks the client's JNI library for this machine to {@code target}. The client would otherwise unpack it
     * itself to {@code /tmp/.libaws-lambda-jni.so}, a path every function JVM on the machine shares.
     */
    public Path unpackNativeClient(Path target) {
        String entryName = "jni/libaws-lambda-jni." + platform() + ".so";
        try (ZipFile jar = new ZipFile(clientJar.toFile())) {
            ZipEntry entry = jar.getEntry(entryName);
            if (entry == null) {
                throw new SetupException(clientJar + " has no " + entryName + ": the Lambda runtime interface client"
                        + " does not support this machine");
            }
            Files.createDirectories(target.getParent());
            Path temporary = target.resolveSibling(target.getFileName() + ".tmp");
            try (InputStream in = jar.getInputStream(entry)) {
                Files.copy(in, temporary, StandardCopyOption.REPLACE_EXISTING);
            }
            Files.move(temporary, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            return target.toAbsolutePath();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot unpack the runtime interface client's JNI library: "
                    + e.getMessage(), e);
        }
    }

    /** linux-x86_64, linux-aarch_64, or their musl (Alpine) variants: the platforms the client ships for. */
    static String platform() {
        String os = System.getProperty("os.name", "").toLowerCase(Locale.ROOT);
        if (!os.contains("linux")) {
            throw new SetupException("the Lambda runtime interface client runs on Linux only, not on "
                    + System.getProperty("os.name") + "; use scripts/invoke-local.sh, which needs no native code");
        }
        String arch = switch (System.getProperty("os.arch", "")) {
            case "amd64", "x86_64" -> "x86_64";
            case "aarch64", "arm64" -> "aarch_64";
            default -> throw new SetupException("the Lambda runtime interface client ships for x86_64 and aarch64, not "
                    + System.getProperty("os.arch"));
        };
        return (isMusl() ? "linux_musl-" : "linux-") + arch;
    }

    private static boolean isMusl() {
        try (Stream<Path> libs = Files.list(Path.of("/lib"))) {
            return libs.anyMatch(lib -> lib.getFileName().toString().startsWith("ld-musl-"));
        } catch (IOException | RuntimeException e) {
            return false;
        }
    }
}
