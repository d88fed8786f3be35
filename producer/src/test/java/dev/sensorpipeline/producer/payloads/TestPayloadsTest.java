package dev.sensorpipeline.producer.payloads;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sensorpipeline.testkit.ProjectFiles;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The committed {@code test-payloads/} are what {@link TestPayloads} writes. To regenerate them after a change on
 * purpose, run this test with {@code -Dtest-payloads.write=true}: it rewrites the files, then checks them.
 */
class TestPayloadsTest {

    static Iterable<String> files() {
        return TestPayloads.all().keySet();
    }

    @ParameterizedTest
    @MethodSource("files")
    void committedPayload_isWhatTheOneEventWriterWrites(String name) throws IOException {
        // given
        Path file = ProjectFiles.resolve("test-payloads/" + name);
        String expected = TestPayloads.all().get(name);
        if (Boolean.getBoolean("test-payloads.write")) {
            Files.writeString(file, expected);
        }

        // when
        String committed = Files.readString(file);

        // then: if the payloads changed on purpose, regenerate them as this class's Javadoc says
        assertThat(committed).isEqualTo(expected);
    }
}
