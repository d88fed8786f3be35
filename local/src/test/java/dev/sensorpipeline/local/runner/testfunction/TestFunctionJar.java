package dev.sensorpipeline.local.runner.testfunction;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;

/** {@link TestFunction} as a deployment package: a jar of that one class, as Lambda takes a jar. */
public final class TestFunctionJar {

    /** {@link TestFunction#handleRequest}, as a function's Handler setting names it. */
    public static final String HANDLER = TestFunction.class.getName() + "::handleRequest";

    private TestFunctionJar() {
    }

    /** Writes the jar; returns its absolute path. */
    public static Path write(Path jar) throws IOException {
        String entry = TestFunction.class.getName().replace('.', '/') + ".class";
        try (InputStream in = TestFunction.class.getClassLoader().getResourceAsStream(entry);
             OutputStream file = Files.newOutputStream(jar);
             JarOutputStream out = new JarOutputStream(file)) {
            out.putNextEntry(new JarEntry(entry));
            in.transferTo(out);
            out.closeEntry();
        }
        return jar.toAbsolutePath();
    }
}
