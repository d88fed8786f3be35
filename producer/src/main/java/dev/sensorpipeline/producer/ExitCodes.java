package dev.sensorpipeline.producer;

/** The producer's exit codes, which scripts rely on; the command's help says what each means. */
final class ExitCodes {

    static final int OK = 0;
    static final int NOT_DELIVERED = 1;
    static final int USAGE = 2;
    static final int AWS = 3;
    static final int INTERNAL = 70;
    static final int INTERRUPTED = 130;

    private ExitCodes() {
    }
}
