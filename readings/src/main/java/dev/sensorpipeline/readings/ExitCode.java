package dev.sensorpipeline.readings;

/** The command's exit codes, as its --help lists them. */
final class ExitCode {

    /** Done; also when there were no readings (said on stderr). */
    static final int OK = 0;
    /** The table or the endpoint: it does not exist, does not answer, or refused us. */
    static final int TABLE = 1;
    /** Bad arguments. */
    static final int USAGE = 2;
    /** A bug. */
    static final int INTERNAL = 70;

    private ExitCode() {
    }
}
