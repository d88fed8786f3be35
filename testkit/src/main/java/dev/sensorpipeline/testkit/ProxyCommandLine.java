package dev.sensorpipeline.testkit;

import java.net.URI;
import java.time.Duration;

/**
 * The arguments of {@link FaultInjectingProxy#main}. Each fault flag is the {@link FaultPlan.Builder} method of the
 * same name in kebab case, so the two read alike.
 */
record ProxyCommandLine(URI upstream, int port, FaultPlan plan, Duration statsInterval, boolean help) {

    static final String USAGE = """
            usage: FaultInjectingProxy --upstream URL [options]
              --upstream URL                     endpoint to forward to, such as moto's http://127.0.0.1:5000
              --port N                           loopback port to listen on (default 0: a free one)
              --seed N                           seeds the dice (default 0)
              --throttle-batch-write-item P      share of BatchWriteItem calls answered 400 throttling
              --fail-batch-write-item P          share of BatchWriteItem calls answered 500
              --leave-items-unprocessed P        share of BatchWriteItem items returned in UnprocessedItems
              --refuse-put-records-entries P     share of PutRecords entries refused
              --throttle-put-records P           share of PutRecords calls answered 400 throttling
              --throttle-get-records P           share of GetRecords calls answered 400 throttling
              --dynamodb-down                    answer every DynamoDB call 500
              --stats-interval SECONDS           print a stats line this often (default 0: only on exit)
              --help                             print this and exit
            Prints "listening on http://127.0.0.1:PORT" once ready and "stats {JSON}" lines.
            GET /__fault-proxy/stats and PUT /__fault-proxy/plan (a FaultPlan as JSON) control it while it runs.""";

    /**
     * Reads {@code args}; flags take their value as the next argument or after {@code =}.
     *
     * @throws IllegalArgumentException naming the flag at fault
     */
    static ProxyCommandLine parse(String... args) {
        URI upstream = null;
        int port = 0;
        Duration statsInterval = Duration.ZERO;
        FaultPlan.Builder plan = FaultPlan.builder();
        for (int i = 0; i < args.length; i++) {
            String flag = args[i];
            String value = null;
            int equals = flag.indexOf('=');
            if (equals > 0) {
                value = flag.substring(equals + 1);
                flag = flag.substring(0, equals);
            }
            switch (flag) {
                case "--help", "-h" -> {
                    return new ProxyCommandLine(null, 0, FaultPlan.none(), Duration.ZERO, true);
                }
                case "--dynamodb-down" -> {
                    plan.dynamoDbDown(value == null || Boolean.parseBoolean(value));
                    continue;
                }
                default -> {
                }
            }
            if (value == null) {
                if (i + 1 >= args.length) {
                    throw new IllegalArgumentException(flag + " needs a value");
                }
                value = args[++i];
            }
            switch (flag) {
                case "--upstream" -> upstream = upstream(value);
                case "--port" -> port = (int) number(flag, value, 0, 65535);
                case "--seed" -> plan.seed(number(flag, value, Long.MIN_VALUE, Long.MAX_VALUE));
                case "--throttle-batch-write-item" -> plan.throttleBatchWriteItem(share(flag, value));
                case "--fail-batch-write-item" -> plan.failBatchWriteItem(share(flag, value));
                case "--leave-items-unprocessed" -> plan.leaveItemsUnprocessed(share(flag, value));
                case "--refuse-put-records-entries" -> plan.refusePutRecordsEntries(share(flag, value));
                case "--throttle-put-records" -> plan.throttlePutRecords(share(flag, value));
                case "--throttle-get-records" -> plan.throttleGetRecords(share(flag, value));
                case "--stats-interval" -> statsInterval = Duration.ofSeconds(number(flag, value, 0, Long.MAX_VALUE));
                default -> throw new IllegalArgumentException("unknown option " + flag);
            }
        }
        if (upstream == null) {
            throw new IllegalArgumentException("--upstream is required");
        }
        return new ProxyCommandLine(upstream, port, plan.build(), statsInterval, false);
    }

    private static URI upstream(String value) {
        URI uri = URI.create(value);
        if (!"http".equals(uri.getScheme()) || uri.getHost() == null) {
            throw new IllegalArgumentException("--upstream must be an http:// URL, was " + value);
        }
        return uri;
    }

    private static long number(String flag, String value, long min, long max) {
        try {
            long number = Long.parseLong(value);
            if (number < min || number > max) {
                throw new IllegalArgumentException(flag + " must be between " + min + " and " + max + ", was " + value);
            }
            return number;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(flag + " needs a whole number, was " + value, e);
        }
    }

    private static double share(String flag, String value) {
        try {
            double share = Double.parseDouble(value);
            if (!(share >= 0.0 && share <= 1.0)) {
                throw new IllegalArgumentException(flag + " needs a share between 0 and 1, was " + value);
            }
            return share;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(flag + " needs a share between 0 and 1, was " + value, e);
        }
    }
}
