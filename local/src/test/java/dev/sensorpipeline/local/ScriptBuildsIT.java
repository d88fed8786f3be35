package dev.sensorpipeline.local;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sensorpipeline.testkit.ProjectFiles;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * scripts/lib/build.sh decides when a script's jar is built again, on a small copy of the project's layout: an
 * edit to a source of the module, or of a module its code depends on, makes the next run build; a jar newer than
 * every source is left alone.
 */
class ScriptBuildsIT {

    private static final Instant EDITED = Instant.parse("2026-01-01T00:00:00Z");
    private static final Instant BUILT = EDITED.plusSeconds(60);

    @TempDir
    Path temp;

    private Path tree;
    private Path driver;

    @BeforeEach
    void layOutAProject() throws IOException {
        tree = Files.createDirectories(temp.resolve("project"));
        for (String source : new String[] {"pom.xml", "model/pom.xml", "model/src/main/java/Reading.java",
            "lambda/pom.xml", "lambda/src/main/java/Handler.java", "lambda/src/test/java/HandlerTest.java"}) {
            write(source, EDITED);
        }
        write("lambda/target/sensor-ingest-lambda.jar", BUILT);
        driver = temp.resolve("ensure-built.sh");
        Files.writeString(driver, "ROOT=\"$1\"\nshift\nsource '" + ProjectFiles.resolve("scripts/lib/build.sh")
                + "'\nensure_built \"$@\"\n");
    }

    private void write(String relative, Instant modified) throws IOException {
        Path file = tree.resolve(relative);
        Files.createDirectories(file.getParent());
        Files.writeString(file, relative);
        Files.setLastModifiedTime(file, FileTime.from(modified));
    }

    private ScriptShell.Run ensureBuilt(String module) throws Exception {
        return new ScriptShell(temp.resolve("shell")).run(tree, driver, tree.toString(), module);
    }

    @Test
    void ensureBuilt_leavesTheJarAlone_whenItIsNewerThanEverySource() throws Exception {
        // when
        ScriptShell.Run run = ensureBuilt("lambda");

        // then
        assertThat(run.exitCode()).as(run.stderr()).isZero();
        assertThat(run.started()).isEmpty();
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"lambda/src/main/java/Handler.java", "model/src/main/java/Reading.java", "pom.xml"})
    void ensureBuilt_buildsTheModule_whenItsSource_aSourceOfAModuleItUses_orTheRootPomWasEditedAfterTheJar(
            String edited) throws Exception {
        // given
        write(edited, BUILT.plusSeconds(1));

        // when
        ScriptShell.Run run = ensureBuilt("lambda");

        // then
        assertThat(run.started()).containsExactly("mvn -B -q package -DskipTests -pl lambda -am");
        assertThat(run.stderr()).contains(edited + " is newer than");
    }

    @Test
    void ensureBuilt_buildsTheProducer_whenTheToolsSharedCodeWasEditedAfterItsJar() throws Exception {
        // given the producer's jar, and an edit to cli/, the code it shares with the read side
        write("producer/pom.xml", EDITED);
        write("producer/src/main/java/ProducerCommand.java", EDITED);
        write("producer/target/sensor-producer.jar", BUILT);
        write("cli/pom.xml", EDITED);
        write("cli/src/main/java/SdkClients.java", BUILT.plusSeconds(1));

        // when
        ScriptShell.Run run = ensureBuilt("producer");

        // then
        assertThat(run.started()).containsExactly("mvn -B -q package -DskipTests -pl producer -am");
        assertThat(run.stderr()).contains("cli/src/main/java/SdkClients.java is newer than");
    }

    @Test
    void ensureBuilt_buildsTheModule_whenItsJarIsMissing() throws Exception {
        // given
        Files.delete(tree.resolve("lambda/target/sensor-ingest-lambda.jar"));

        // when
        ScriptShell.Run run = ensureBuilt("lambda");

        // then
        assertThat(run.started()).containsExactly("mvn -B -q package -DskipTests -pl lambda -am");
    }

    @Test
    void ensureBuilt_leavesTheJarAlone_whenOnlyATestSourceWasEdited() throws Exception {
        // given: a build that skips the tests makes the same jar
        write("lambda/src/test/java/HandlerTest.java", BUILT.plusSeconds(1));

        // when
        ScriptShell.Run run = ensureBuilt("lambda");

        // then
        assertThat(run.started()).isEmpty();
    }
}
