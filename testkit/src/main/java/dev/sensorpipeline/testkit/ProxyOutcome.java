package dev.sensorpipeline.testkit;

/** What the proxy did with one call, to be counted, and the reply it sends. */
record ProxyOutcome(ProxyReply reply, Kind kind, int itemsLeftUnprocessed, int entriesRefused) {

    /** How the call as a whole was handled. */
    enum Kind {
        /** Answered by the proxy itself, neither forwarded nor an error. */
        ANSWERED,
        FORWARDED,
        THROTTLED,
        FAILED,
        UPSTREAM_FAILURE
    }

    static ProxyOutcome answered(ProxyReply reply) {
        return new ProxyOutcome(reply, Kind.ANSWERED, 0, 0);
    }

    static ProxyOutcome forwarded(ProxyReply reply) {
        return new ProxyOutcome(reply, Kind.FORWARDED, 0, 0);
    }

    static ProxyOutcome throttled(ProxyReply reply) {
        return new ProxyOutcome(reply, Kind.THROTTLED, 0, 0);
    }

    static ProxyOutcome failed(ProxyReply reply) {
        return new ProxyOutcome(reply, Kind.FAILED, 0, 0);
    }

    static ProxyOutcome upstreamFailure(ProxyReply reply) {
        return new ProxyOutcome(reply, Kind.UPSTREAM_FAILURE, 0, 0);
    }

    ProxyOutcome leavingUnprocessed(int items) {
        return new ProxyOutcome(reply, kind, items, entriesRefused);
    }

    ProxyOutcome refusing(int entries) {
        return new ProxyOutcome(reply, kind, itemsLeftUnprocessed, entries);
    }
}
