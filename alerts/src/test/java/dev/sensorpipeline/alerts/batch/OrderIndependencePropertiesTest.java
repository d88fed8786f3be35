package dev.sensorpipeline.alerts.batch;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sensorpipeline.alerts.testing.InMemoryAlerts;
import dev.sensorpipeline.model.SensorReading;
import java.io.OutputStream;
import java.io.PrintStream;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/** The alerts are a function of the readings, not of the order (or the batches) the stream brings them in. */
class OrderIndependencePropertiesTest {

    private static final PrintStream NOWHERE = new PrintStream(OutputStream.nullOutputStream());

    @Provide
    Arbitrary<List<SensorReading>> readings() {
        Arbitrary<SensorReading> reading = Combinators.combine(
                Arbitraries.of("s1", "s2", "s3"),
                Arbitraries.longs().between(0, 900).map(offset -> AlertBatchProcessorTest.T + offset),
                Arbitraries.integers().between(-60, 130).map(BigDecimal::valueOf))
                .as(SensorReading::of);
        return reading.list().ofMinSize(1).ofMaxSize(40).uniqueElements(SensorReading::key);
    }

    private static Map<String, Boolean> alerts(List<SensorReading> stored, List<List<SensorReading>> batches) {
        InMemoryAlerts world = new InMemoryAlerts().store(stored);
        AlertBatchProcessor processor = AlertBatchProcessorTest.processor(world, NOWHERE);
        for (List<SensorReading> batch : batches) {
            processor.process(AlertBatchProcessorTest.records(batch));
        }
        assertThat(world.published).hasSize(world.alerts().size());
        return world.alerts();
    }

    @Property(tries = 200)
    void aShuffledBatch_raisesTheSameAlerts(@ForAll("readings") List<SensorReading> batch, @ForAll long seed) {
        // given the batch and the same readings in another order
        List<SensorReading> shuffled = new ArrayList<>(batch);
        Collections.shuffle(shuffled, new Random(seed));

        // when
        Map<String, Boolean> inOrder = alerts(batch, List.of(batch));
        Map<String, Boolean> outOfOrder = alerts(batch, List.of(shuffled));

        // then
        assertThat(outOfOrder).isEqualTo(inOrder);
    }

    @Property(tries = 100)
    void oneReadingABatch_inAnyOrder_raisesTheSameAlertsAsOneBatch(@ForAll("readings") List<SensorReading> batch,
                                                                    @ForAll long seed) {
        // given the readings one a batch, shuffled (each already stored, as the stream follows the table)
        List<List<SensorReading>> singles = new ArrayList<>();
        batch.forEach(reading -> singles.add(List.of(reading)));
        Collections.shuffle(singles, new Random(seed));

        // when
        Map<String, Boolean> together = alerts(batch, List.of(batch));
        Map<String, Boolean> apart = alerts(batch, singles);

        // then
        assertThat(apart).isEqualTo(together);
    }
}
