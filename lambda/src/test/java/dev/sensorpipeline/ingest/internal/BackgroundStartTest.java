package dev.sensorpipeline.ingest.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

class BackgroundStartTest {

    @Test
    void begin_returnsWhileTheBuildRunsOnItsOwnThread_andGetWaitsForIt() throws Exception {
        // given: a build that cannot finish until released
        CountDownLatch started = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        AtomicReference<String> builtOn = new AtomicReference<>();

        // when
        BackgroundStart<String> part = BackgroundStart.begin("test-start", () -> {
            builtOn.set(Thread.currentThread().getName());
            started.countDown();
            awaitQuietly(release);
            return "client";
        });
        assertThat(started.await(10, TimeUnit.SECONDS)).as("the build started").isTrue();
        release.countDown();

        // then
        assertThat(part.get()).isEqualTo("client");
        assertThat(builtOn.get()).isEqualTo("test-start");
    }

    @Test
    void get_throwsWhatTheBuildThrew_andTheNextGetBuildsAgain() {
        // given: the first build fails, as a table check does before the table exists
        AtomicInteger builds = new AtomicInteger();
        BackgroundStart<String> part = BackgroundStart.begin("test-start", () -> {
            if (builds.incrementAndGet() == 1) {
                throw new IllegalStateException("TABLE_NAME='SensorData': there is no such table");
            }
            return "client";
        });

        // when / then
        assertThatThrownBy(part::get)
                .isInstanceOf(IllegalStateException.class)
                .hasMessage("TABLE_NAME='SensorData': there is no such table");
        assertThat(part.get()).isEqualTo("client");
        assertThat(part.get()).isEqualTo("client");
        assertThat(builds).hasValue(2);
    }

    @Test
    void now_buildsOnTheCallersThread() {
        // given
        AtomicReference<String> builtOn = new AtomicReference<>();

        // when
        BackgroundStart<String> part = BackgroundStart.now(() -> {
            builtOn.set(Thread.currentThread().getName());
            return "client";
        });

        // then
        assertThat(part.get()).isEqualTo("client");
        assertThat(builtOn.get()).isEqualTo(Thread.currentThread().getName());
    }

    @Test
    void now_throwsWhatTheBuildThrew_atOnce() {
        assertThatThrownBy(() -> BackgroundStart.now(() -> {
            throw new IllegalArgumentException("bad setting");
        })).isInstanceOf(IllegalArgumentException.class).hasMessage("bad setting");
    }

    private static void awaitQuietly(CountDownLatch latch) {
        try {
            assertThat(latch.await(10, TimeUnit.SECONDS)).isTrue();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
