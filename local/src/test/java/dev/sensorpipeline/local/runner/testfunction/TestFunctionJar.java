package dev.sensorpipeline.local.runner.testfunction;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;

/** A test function as a deployment package: a jar of its one class, as Lambda takes a jar. */
public final class TestFunctionJar {

    /** {@link TestFunction#handleRequest}, as a function's Handler setting names it. */
    public static final String HANDLER = TestFunction.class.getName() + "::handleRequest";

    /** {@link TableStreamFunction#handleRequest}, as a function's Handler setting names it. */
    public static final String TABLE_STREAM_HANDLER = TableStreamFunction.class.getName() + "::handleRequest";

    private TestFunctionJar() {
    }

    /** Writes {@link TestFunction}'s jar; returns its absolute path. */
    public static Path write(Path jar) throws IOException {
        return write(jar, TestFunction.class);
    }

    /** Writes the jar of that one class; returns its absolute path. */
    public static Path write(Path jar, Class<?> function) throws IOException {
        String entry = function.getName().replace('.', '/') + ".class";
        try (InputStream in = function.getClassLoader().getResourceAsStream(entry);
             OutputStream file = Files.newOutputStream(jar);
             JarOutputStream out = new JarOutputStream(file)) {
            out.putNextEntry(new JarEntry(entry));
            in.transferTo(out);
            out.closeEntry();
        }
        return jar.toAbsolutePath();
    }
}
