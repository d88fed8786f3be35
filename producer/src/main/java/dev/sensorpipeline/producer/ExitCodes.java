package dev.sensorpipeline.producer;

/** The producer's exit codes, which scripts rely on; the help lists them. */
final class ExitCodes {

    /** Every reading was delivered, printed or written. */
    static final int OK = 0;
    /** Some readings were not delivered. */
    static final int NOT_DELIVERED = 1;
    /** Bad arguments. */
    static final int USAGE = 2;
    /** The stream does not exist, or the AWS configuration is missing or refused. */
    static final int AWS = 3;
    /** A bug. */
    static final int INTERNAL = 70;
    /** Ctrl-C. */
    static final int INTERRUPTED = 130;

    private ExitCodes() {
    }
}
