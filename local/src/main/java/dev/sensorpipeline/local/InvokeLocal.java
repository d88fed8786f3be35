package dev.sensorpipeline.local;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.serialization.PojoSerializer;
import com.amazonaws.services.lambda.runtime.serialization.events.LambdaEventSerializers;
import com.amazonaws.services.lambda.runtime.serialization.factories.JacksonFactory;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.PrintStream;
import java.lang.management.ManagementFactory;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.UUID;

/**
 * Runs a function's jar on one event in this JVM, the way the Lambda Java runtime does: the jar in a class loader
 * of its own, the handler built once, the event read and the response written by the runtime's own serializer
 * ({@code aws-lambda-java-serialization}), a context with a deadline. Prints the response as the only line of
 * stdout; the function's output and a Lambda-style {@code REPORT} line go to stderr, as in {@code sam local invoke}.
 *
 * <p>Exit codes: 0 the function returned; 1 it failed (in init or in the invocation: the response is then Lambda's
 * error document); 2 bad arguments.
 */
public final class InvokeLocal {

    static final int EXIT_OK = 0;
    static final int EXIT_FUNCTION_ERROR = 1;
    static final int EXIT_USAGE = 2;

    private static final String USAGE = String.join("\n",
            "Usage: java -jar sensor-local.jar --jar FUNCTION.jar --handler CLASS[::METHOD] --event EVENT.json",
            "                                 [--timeout SECONDS] [--memory MB] [--function-name NAME]",
            "Runs the function on the event as the Lambda Java runtime does; prints the response on stdout.");

    private InvokeLocal() {
    }

    public static void main(String[] args) {
        PrintStream stdout = System.out;
        // The function's own output joins the REPORT line on stderr, so stdout carries only the response.
        System.setOut(System.err);
        if (args.length == 1 && (args[0].equals("--help") || args[0].equals("-h"))) {
            stdout.println(USAGE);
            System.exit(EXIT_OK);
            return;
        }
        Options options;
        try {
            options = Options.parse(args);
        } catch (IllegalArgumentException e) {
            System.err.println("invoke-local: " + e.getMessage());
            System.err.println(USAGE);
            System.exit(EXIT_USAGE);
            return;
        }
        System.exit(run(options, stdout, System.err));
    }

    static int run(Options options, PrintStream out, PrintStream err) {
        String requestId = UUID.randomUUID().toString();
        byte[] event;
        try {
            event = Files.readAllBytes(options.event());
        } catch (java.io.IOException e) {
            err.println("invoke-local: cannot read the event file " + options.event() + ": " + e.getMessage());
            return EXIT_USAGE;
        }
        String functionJar = options.jar().toString();
        if (!Files.isRegularFile(options.jar())) {
            err.println("invoke-local: no function jar at " + functionJar + "; build it with: mvn -B package -DskipTests");
            return EXIT_USAGE;
        }

        long initStart = System.nanoTime();
        LoadedHandler handler;
        try {
            handler = LoadedHandler.load(options.jar(), options.handlerClass());
        } catch (Throwable e) {
            Throwable cause = rootOf(e);
            double initMs = millisSince(initStart) + jvmStartupMillis(initStart);
            err.println("INIT_REPORT Init Duration: " + format(initMs) + " ms\tPhase: init\tStatus: error\tError Type: "
                    + cause.getClass().getName());
            out.println(errorDocument(cause));
            return EXIT_FUNCTION_ERROR;
        }
        double initMs = millisSince(initStart) + jvmStartupMillis(initStart);

        err.println("START RequestId: " + requestId + " Version: $LATEST");
        long invokeStart = System.nanoTime();
        long deadline = System.currentTimeMillis() + options.timeoutSeconds() * 1000L;
        Context context = new LocalContext(requestId, options.functionName(), options.memoryMb(), deadline, err);
        String response;
        int exitCode;
        try {
            response = handler.invoke(event, context);
            exitCode = EXIT_OK;
        } catch (Throwable e) {
            response = errorDocument(rootOf(e));
            exitCode = EXIT_FUNCTION_ERROR;
        }
        double durationMs = millisSince(invokeStart);
        err.println("END RequestId: " + requestId);
        err.println("REPORT RequestId: " + requestId
                + "\tDuration: " + format(durationMs) + " ms"
                + "\tBilled Duration: " + (long) Math.ceil(durationMs) + " ms"
                + "\tMemory Size: " + options.memoryMb() + " MB"
                + "\tMax Memory Used: " + maxMemoryUsedMb() + " MB"
                + "\tInit Duration: " + format(initMs) + " ms");
        out.println(response);
        out.flush();
        return exitCode;
    }

    /** A handler loaded from the function's jar, with the serializers for its input and output types. */
    private record LoadedHandler(RequestHandler<Object, Object> handler, PojoSerializer<Object> input,
                                 PojoSerializer<Object> output) {

        @SuppressWarnings("unchecked")
        static LoadedHandler load(Path jar, String className) throws Exception {
            URLClassLoader loader = new URLClassLoader(new URL[] {jar.toUri().toURL()},
                    InvokeLocal.class.getClassLoader());
            Thread.currentThread().setContextClassLoader(loader);
            Class<?> type = Class.forName(className, true, loader);
            if (!RequestHandler.class.isAssignableFrom(type)) {
                throw new IllegalArgumentException(className + " does not implement RequestHandler");
            }
            Type[] io = requestHandlerTypes(type);
            Object instance;
            try {
                instance = type.getConstructor().newInstance();
            } catch (InvocationTargetException e) {
                throw e.getCause() instanceof Exception cause ? cause : e;
            }
            return new LoadedHandler((RequestHandler<Object, Object>) instance,
                    serializerFor((Class<Object>) io[0], loader), serializerFor((Class<Object>) io[1], loader));
        }

        String invoke(byte[] event, Context context) {
            Object request = input.fromJson(new java.io.ByteArrayInputStream(event));
            Object result = handler.handleRequest(request, context);
            ByteArrayOutputStream json = new ByteArrayOutputStream();
            output.toJson(result, json);
            return json.toString(StandardCharsets.UTF_8);
        }

        private static Type[] requestHandlerTypes(Class<?> type) {
            for (Class<?> c = type; c != null; c = c.getSuperclass()) {
                for (Type candidate : c.getGenericInterfaces()) {
                    if (candidate instanceof ParameterizedType parameterized
                            && parameterized.getRawType() == RequestHandler.class) {
                        return parameterized.getActualTypeArguments();
                    }
                }
            }
            throw new IllegalArgumentException(type.getName() + " must implement RequestHandler<Input, Output>"
                    + " with concrete types");
        }

        /** As the runtime does: Lambda's event types get their own serializers, anything else plain Jackson. */
        private static PojoSerializer<Object> serializerFor(Class<Object> type, ClassLoader loader) {
            if (LambdaEventSerializers.isLambdaSupportedEvent(type.getName())) {
                return LambdaEventSerializers.serializerFor(type, loader);
            }
            return JacksonFactory.getInstance().getSerializer(type);
        }
    }

    /** Lambda's error document for a failed invocation. */
    static String errorDocument(Throwable error) {
        StringBuilder json = new StringBuilder("{\"errorMessage\":");
        appendJsonString(json, String.valueOf(error.getMessage()));
        json.append(",\"errorType\":");
        appendJsonString(json, error.getClass().getName());
        json.append(",\"stackTrace\":[");
        StackTraceElement[] trace = error.getStackTrace();
        for (int i = 0; i < Math.min(trace.length, 20); i++) {
            if (i > 0) {
                json.append(',');
            }
            appendJsonString(json, trace[i].toString());
        }
        return json.append("]}").toString();
    }

    private static void appendJsonString(StringBuilder json, String text) {
        json.append('"');
        for (char c : text.toCharArray()) {
            switch (c) {
                case '"' -> json.append("\\\"");
                case '\\' -> json.append("\\\\");
                case '\n' -> json.append("\\n");
                case '\r' -> json.append("\\r");
                case '\t' -> json.append("\\t");
                default -> {
                    if (c < 0x20) {
                        json.append(String.format("\\u%04x", (int) c));
                    } else {
                        json.append(c);
                    }
                }
            }
        }
        json.append('"');
    }

    private static Throwable rootOf(Throwable e) {
        Throwable error = e;
        while ((error instanceof InvocationTargetException || error instanceof ExceptionInInitializerError)
                && error.getCause() != null) {
            error = error.getCause();
        }
        return error;
    }

    /** The JVM's own start-up before main, which Lambda's Init Duration also counts. */
    private static double jvmStartupMillis(long initStartNanos) {
        long uptimeAtInitStart = ManagementFactory.getRuntimeMXBean().getUptime()
                - (System.nanoTime() - initStartNanos) / 1_000_000;
        return Math.max(0, uptimeAtInitStart);
    }

    private static double millisSince(long startNanos) {
        return (System.nanoTime() - startNanos) / 1_000_000.0;
    }

    private static String format(double millis) {
        return String.format(Locale.ROOT, "%.2f", millis);
    }

    /** Peak resident memory, as Lambda's Max Memory Used reports; the heap in use where /proc is absent. */
    private static long maxMemoryUsedMb() {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
                if (line.startsWith("VmHWM:")) {
                    return Long.parseLong(line.replaceAll("[^0-9]", "")) / 1024;
                }
            }
        } catch (java.io.IOException | NumberFormatException notLinux) {
            // fall through to the heap figure
        }
        Runtime runtime = Runtime.getRuntime();
        return (runtime.totalMemory() - runtime.freeMemory()) / (1024 * 1024);
    }

    /** The command line, checked. */
    record Options(Path jar, String handlerClass, Path event, int timeoutSeconds, int memoryMb, String functionName) {

        static Options parse(String[] args) {
            Path jar = null;
            String handler = null;
            Path event = null;
            int timeout = 60;
            int memory = 1024;
            String functionName = System.getenv().getOrDefault("AWS_LAMBDA_FUNCTION_NAME", "sensor-ingest");
            for (int i = 0; i < args.length; i++) {
                String arg = args[i];
                if (i + 1 >= args.length) {
                    throw new IllegalArgumentException("option " + arg + " needs a value");
                }
                String value = args[++i];
                switch (arg) {
                    case "--jar" -> jar = Path.of(value);
                    case "--handler" -> handler = value;
                    case "--event" -> event = Path.of(value);
                    case "--timeout" -> timeout = positive(arg, value);
                    case "--memory" -> memory = positive(arg, value);
                    case "--function-name" -> functionName = value;
                    default -> throw new IllegalArgumentException("unknown option " + arg);
                }
            }
            if (jar == null || handler == null || event == null) {
                throw new IllegalArgumentException("--jar, --handler and --event are required");
            }
            int methodSeparator = handler.indexOf("::");
            String className = methodSeparator < 0 ? handler : handler.substring(0, methodSeparator);
            return new Options(jar, className, event, timeout, memory, functionName);
        }

        private static int positive(String option, String value) {
            try {
                int parsed = Integer.parseInt(value);
                if (parsed > 0) {
                    return parsed;
                }
            } catch (NumberFormatException e) {
                // reported below
            }
            throw new IllegalArgumentException(option + " must be a positive whole number, not '" + value + "'");
        }
    }
}
