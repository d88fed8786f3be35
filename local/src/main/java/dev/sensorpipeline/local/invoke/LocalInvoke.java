package dev.sensorpipeline.local.invoke;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.serialization.PojoSerializer;
import com.amazonaws.services.lambda.runtime.serialization.events.LambdaEventSerializers;
import com.amazonaws.services.lambda.runtime.serialization.factories.JacksonFactory;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
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
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * One invocation of a function's jar in this JVM, the way the Lambda Java runtime runs it, and what
 * {@code scripts/invoke-local.sh} runs: a fresh execution environment each time (the jar in a class loader of its
 * own, the handler built once), the event read and the response written by the runtime's own serializer
 * ({@code aws-lambda-java-serialization}), a context with a deadline, and the function's timeout enforced as
 * Lambda does: past it, the invocation is an error, {@code Task timed out after N.NN seconds}, and its environment
 * is given up (its thread interrupted and left behind; the next call starts a new one).
 *
 * <p>This is the stable in-process API other tools call ({@link #invoke(Request, PrintStream)}). The function's own
 * output goes where {@code System.out} and {@code System.err} go; Lambda's INIT_REPORT, START, END and REPORT
 * lines go to the log given.
 */
public final class LocalInvoke {

    /** The error type Lambda reports for an invocation cut off at its timeout. */
    public static final String TIMEOUT_ERROR_TYPE = "Sandbox.Timedout";

    private static final AtomicBoolean JVM_STARTED = new AtomicBoolean();

    private LocalInvoke() {
    }

    /**
     * One invocation.
     *
     * @param handler      {@code CLASS} or {@code CLASS::METHOD}, as the function's Handler setting
     * @param timeout      the function's Timeout
     * @param functionName what the context calls the function
     */
    public record Request(Path jar, String handler, byte[] event, Duration timeout, int memoryMb,
                          String functionName) {

        public Request {
            Objects.requireNonNull(jar, "jar");
            Objects.requireNonNull(handler, "handler");
            Objects.requireNonNull(event, "event");
            Objects.requireNonNull(functionName, "functionName");
            if (timeout == null || timeout.isNegative() || timeout.isZero()) {
                throw new IllegalArgumentException("the timeout must be positive, not " + timeout);
            }
            if (memoryMb <= 0) {
                throw new IllegalArgumentException("the memory must be positive, not " + memoryMb);
            }
        }

        String handlerClass() {
            int separator = handler.indexOf("::");
            return separator < 0 ? handler : handler.substring(0, separator);
        }
    }

    /**
     * What the invocation came to, as Lambda's Invoke answers.
     *
     * @param response      the function's response as JSON, or Lambda's error document when it failed
     * @param functionError true when the function failed (threw, failed its init, or timed out): Lambda's
     *                      {@code FunctionError: Unhandled}; false when it returned, batch item failures or not
     * @param errorType     the error document's {@code errorType} when it failed, else null
     */
    public record Result(String requestId, String response, boolean functionError, String errorType) {
    }

    /**
     * Runs the function once on the event.
     *
     * @throws IllegalArgumentException when there is no jar at {@code request.jar()}
     */
    public static Result invoke(Request request, PrintStream log) {
        if (!Files.isRegularFile(request.jar())) {
            throw new IllegalArgumentException("no function jar at " + request.jar()
                    + "; build it with: mvn -B package -DskipTests");
        }
        String requestId = UUID.randomUUID().toString();
        long initStart = System.nanoTime();
        LoadedHandler handler;
        ClassLoader callers = Thread.currentThread().getContextClassLoader();
        try {
            handler = LoadedHandler.load(request.jar(), request.handlerClass());
        } catch (Throwable e) {
            Throwable cause = rootOf(e);
            log.println("INIT_REPORT Init Duration: " + format(initMillis(initStart)) + " ms\tPhase: init"
                    + "\tStatus: error\tError Type: " + cause.getClass().getName());
            return new Result(requestId, errorDocument(cause), true, cause.getClass().getName());
        } finally {
            Thread.currentThread().setContextClassLoader(callers);
        }
        double initMs = initMillis(initStart);

        log.println("START RequestId: " + requestId + " Version: $LATEST");
        long invokeStart = System.nanoTime();
        long deadline = System.currentTimeMillis() + request.timeout().toMillis();
        Context context = new LocalContext(requestId, request.functionName(), request.memoryMb(), deadline, log);
        FutureTask<String> invocation = new FutureTask<>(() -> handler.invoke(request.event(), context));
        Thread thread = new Thread(invocation, "invocation-" + requestId);
        thread.setDaemon(true);
        thread.setContextClassLoader(handler.loader());
        thread.start();
        Result result;
        String status = "";
        try {
            result = new Result(requestId, invocation.get(request.timeout().toNanos(), TimeUnit.NANOSECONDS), false,
                    null);
        } catch (ExecutionException e) {
            Throwable cause = rootOf(e.getCause());
            result = new Result(requestId, errorDocument(cause), true, cause.getClass().getName());
        } catch (TimeoutException e) {
            thread.interrupt();
            String message = String.format(Locale.ROOT, "Task timed out after %.2f seconds",
                    request.timeout().toMillis() / 1000.0);
            log.println(Instant.now() + " " + requestId + " " + message);
            result = new Result(requestId, errorDocument(TIMEOUT_ERROR_TYPE,
                    "RequestId: " + requestId + " Error: " + message, List.of()), true, TIMEOUT_ERROR_TYPE);
            status = "\tStatus: timeout";
        } catch (InterruptedException e) {
            thread.interrupt();
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while the function ran", e);
        }
        double durationMs = (System.nanoTime() - invokeStart) / 1_000_000.0;
        log.println("END RequestId: " + requestId);
        log.println("REPORT RequestId: " + requestId
                + "\tDuration: " + format(durationMs) + " ms"
                + "\tBilled Duration: " + (long) Math.ceil(durationMs) + " ms"
                + "\tMemory Size: " + request.memoryMb() + " MB"
                + "\tMax Memory Used: " + maxMemoryUsedMb() + " MB"
                + "\tInit Duration: " + format(initMs) + " ms"
                + status);
        return result;
    }

    /** A handler loaded from the function's jar, with the serializers for its input and output types. */
    private record LoadedHandler(RequestHandler<Object, Object> handler, PojoSerializer<Object> input,
                                 PojoSerializer<Object> output, ClassLoader loader) {

        @SuppressWarnings("unchecked")
        static LoadedHandler load(Path jar, String className) throws Exception {
            URLClassLoader loader = new URLClassLoader(new URL[] {jar.toUri().toURL()},
                    LocalInvoke.class.getClassLoader());
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
                    serializerFor((Class<Object>) rawClass(io[0]), loader),
                    serializerFor((Class<Object>) rawClass(io[1]), loader), loader);
        }

        String invoke(byte[] event, Context context) {
            Object request = input.fromJson(new ByteArrayInputStream(event));
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

        /** {@code Map} for {@code Map<String, Object>}: the runtime reads and writes by the raw type. */
        private static Class<?> rawClass(Type type) {
            if (type instanceof ParameterizedType parameterized) {
                return (Class<?>) parameterized.getRawType();
            }
            if (type instanceof Class<?> plain) {
                return plain;
            }
            throw new IllegalArgumentException("the handler's input and output must be classes, not " + type);
        }

        /** As the runtime does: Lambda's event types get their own serializers, anything else plain Jackson. */
        private static PojoSerializer<Object> serializerFor(Class<Object> type, ClassLoader loader) {
            if (LambdaEventSerializers.isLambdaSupportedEvent(type.getName())) {
                return LambdaEventSerializers.serializerFor(type, loader);
            }
            return JacksonFactory.getInstance().getSerializer(type);
        }
    }

    /** Lambda's error document for a failed invocation, written by the runtime's own serializer. */
    static String errorDocument(Throwable error) {
        List<String> trace = new ArrayList<>();
        StackTraceElement[] elements = error.getStackTrace();
        for (int i = 0; i < Math.min(elements.length, 20); i++) {
            trace.add(elements[i].toString());
        }
        return errorDocument(error.getClass().getName(), String.valueOf(error.getMessage()), trace);
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private static String errorDocument(String errorType, String errorMessage, List<String> stackTrace) {
        Map<String, Object> document = new LinkedHashMap<>();
        document.put("errorMessage", errorMessage);
        document.put("errorType", errorType);
        if (!stackTrace.isEmpty()) {
            document.put("stackTrace", stackTrace);
        }
        PojoSerializer<Map> serializer = JacksonFactory.getInstance().getSerializer(Map.class);
        ByteArrayOutputStream json = new ByteArrayOutputStream();
        serializer.toJson(document, json);
        return json.toString(StandardCharsets.UTF_8);
    }

    private static Throwable rootOf(Throwable e) {
        Throwable error = e;
        while ((error instanceof InvocationTargetException || error instanceof ExceptionInInitializerError)
                && error.getCause() != null) {
            error = error.getCause();
        }
        return error;
    }

    /**
     * The init phase so far; the first in this JVM also counts the JVM's own start-up before it, as Lambda's Init
     * Duration does (later ones start from a JVM that is already up).
     */
    private static double initMillis(long initStartNanos) {
        double sinceStart = (System.nanoTime() - initStartNanos) / 1_000_000.0;
        if (!JVM_STARTED.compareAndSet(false, true)) {
            return sinceStart;
        }
        long uptimeAtInitStart = ManagementFactory.getRuntimeMXBean().getUptime()
                - (System.nanoTime() - initStartNanos) / 1_000_000;
        return sinceStart + Math.max(0, uptimeAtInitStart);
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
        } catch (IOException | NumberFormatException notLinux) {
            // fall through to the heap figure
        }
        Runtime runtime = Runtime.getRuntime();
        return (runtime.totalMemory() - runtime.freeMemory()) / (1024 * 1024);
    }
}
