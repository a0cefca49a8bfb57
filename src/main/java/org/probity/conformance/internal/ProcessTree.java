package org.probity.conformance.internal;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

/**
 * An adapter process and everything it started, so that none of it outlives Probity.
 *
 * <p>Two ways of finding the processes, because either alone misses some: (1) the descendants of
 * the adapter ({@link ProcessHandle#descendants()}), remembered each time they are looked at while
 * the adapter lives — once it exits its children are re-parented and no longer descendants; (2) an
 * environment cookie {@value #COOKIE}{@code =<random>} given to the adapter, which every process it
 * starts inherits unless it clears its environment: on Linux, {@link #destroy()} also kills every
 * process whose {@code /proc/PID/environ} holds it (a double-forked daemon too). This is the method
 * of Jenkins' {@code ProcessTreeKiller}. A {@link ProcessHandle} kills only the process it was made
 * for, never a later one that reused the PID (the JDK checks the start time).
 */
final class ProcessTree {
    /** The environment variable that marks the adapter's processes. */
    static final String COOKIE = "PROBITY_ADAPTER_RUN";
    private static final Path PROC = Path.of("/proc");
    private static final long GRACE_MILLIS = 200;

    private final Process process;
    private final byte[] marker;
    private final Map<Long, ProcessHandle> seen = new LinkedHashMap<>();

    private ProcessTree(Process process, String cookie) {
        this.process = process;
        this.marker = (COOKIE + "=" + cookie).getBytes(StandardCharsets.UTF_8);
    }

    /**
     * Starts {@code builder}'s command with the cookie in its environment.
     *
     * @throws IOException if it cannot be started
     */
    static ProcessTree start(ProcessBuilder builder) throws IOException {
        String cookie = UUID.randomUUID().toString();
        builder.environment().put(COOKIE, cookie);
        return new ProcessTree(builder.start(), cookie);
    }

    /** The adapter process itself. */
    Process process() {
        return process;
    }

    /** Remembers the adapter's current descendants (cheap; call it whenever the adapter may have forked). */
    synchronized void remember() {
        if (process.isAlive()) {
            process.descendants().forEach(h -> seen.putIfAbsent(h.pid(), h));
        }
    }

    /**
     * Kills the adapter and every process it started: the remembered descendants, the current ones,
     * and (on Linux) every process carrying the cookie; waits briefly for them to go.
     */
    synchronized void destroy() {
        remember();
        List<ProcessHandle> all = new ArrayList<>(seen.values());
        all.addAll(withCookie());
        all.forEach(ProcessHandle::destroyForcibly);
        process.destroyForcibly();
        // a child that forked between the look and the kill: one more pass for the cookie
        withCookie().forEach(ProcessHandle::destroyForcibly);
        long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(GRACE_MILLIS);
        for (ProcessHandle h : all) {
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                break;
            }
            try {
                h.onExit().get(left, TimeUnit.NANOSECONDS);
            } catch (Exception e) { // timeout or interruption: it was sent SIGKILL, which it cannot ignore
                break;
            }
        }
    }

    /** Live processes whose environment holds the cookie (none where /proc does not exist). */
    List<ProcessHandle> withCookie() {
        List<ProcessHandle> out = new ArrayList<>();
        if (!Files.isDirectory(PROC)) {
            return out;
        }
        long self = ProcessHandle.current().pid();
        ProcessHandle.allProcesses().filter(h -> h.pid() != self && h.isAlive()).forEach(h -> {
            if (holdsCookie(h.pid())) {
                out.add(h);
            }
        });
        return out;
    }

    private boolean holdsCookie(long pid) {
        byte[] env;
        try {
            env = Files.readAllBytes(PROC.resolve(Long.toString(pid)).resolve("environ"));
        } catch (IOException | SecurityException e) { // another user's process, or gone meanwhile
            return false;
        }
        // entries are NUL-separated NAME=VALUE strings
        for (int start = 0; start < env.length; ) {
            int end = start;
            while (end < env.length && env[end] != 0) {
                end++;
            }
            if (end - start == marker.length && java.util.Arrays.equals(env, start, end, marker, 0, marker.length)) {
                return true;
            }
            start = end + 1;
        }
        return false;
    }
}
