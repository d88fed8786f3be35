package dev.sensorpipeline.testkit;

import java.util.BitSet;
import java.util.Random;

/**
 * The plan with its dice: one {@link Random} per faulted operation, seeded from the plan, so the calls of one
 * operation do not shift the faults of another, and for a given plan the faults depend only on the order of that
 * operation's calls.
 */
final class FaultDice {

    final FaultPlan plan;
    final Random batchWriteItem;
    final Random putRecords;
    final Random getRecords;

    FaultDice(FaultPlan plan) {
        this.plan = plan;
        this.batchWriteItem = new Random(plan.seed() * 31 + FaultInjectingProxy.BATCH_WRITE_ITEM.hashCode());
        this.putRecords = new Random(plan.seed() * 31 + FaultInjectingProxy.PUT_RECORDS.hashCode());
        this.getRecords = new Random(plan.seed() * 31 + FaultInjectingProxy.GET_RECORDS.hashCode());
    }

    /**
     * One draw for the call, then one per part (item, entry), each set with probability {@code partShare}. All of one
     * call's draws are taken together, so concurrent calls cannot interleave theirs.
     */
    Draw draw(Random random, int parts, double partShare) {
        synchronized (random) {
            double call = random.nextDouble();
            BitSet chosen = new BitSet(parts);
            for (int i = 0; i < parts; i++) {
                if (random.nextDouble() < partShare) {
                    chosen.set(i);
                }
            }
            return new Draw(call, chosen);
        }
    }

    /** The dice for one call: {@code call} in {@code [0, 1)} picks a whole-call fault, {@code parts} the parts hit. */
    record Draw(double call, BitSet parts) {
    }
}
