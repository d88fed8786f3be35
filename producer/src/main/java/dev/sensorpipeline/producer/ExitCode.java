package dev.sensorpipeline.producer;

/** How a run ended, as the exit code scripts rely on; the command's help lists them. */
enum ExitCode {
    /** Every reading was delivered, printed or written. */
    OK(0),
    /** Some readings were not delivered, or the event file could not be written. */
    NOT_DELIVERED(1),
    /** The stream does not exist, or the AWS configuration is missing or refused. */
    AWS(3),
    /** Ctrl-C. */
    INTERRUPTED(130);

    /** A bug; picocli answers it, from the annotation, which takes a constant. Bad arguments exit 2, picocli's. */
    static final int INTERNAL = 70;

    private final int code;

    ExitCode(int code) {
        this.code = code;
    }

    int code() {
        return code;
    }
}
