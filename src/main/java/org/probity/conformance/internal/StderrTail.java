package org.probity.conformance.internal;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;

/**
 * Drains a process's stderr on a daemon thread (so the process never blocks on a full pipe) and
 * keeps its last lines for fault reports.
 */
public final class StderrTail {
    private static final int MAX_LINE = 400;

    private final ArrayDeque<String> lines = new ArrayDeque<>();
    private final int capacity;
    private final Thread thread;

    private StderrTail(InputStream in, int capacity, String threadName) {
        this.capacity = capacity;
        this.thread = new Thread(() -> drain(in), threadName);
        this.thread.setDaemon(true);
    }

    /** Starts draining {@code in}, keeping the last {@code capacity} lines. */
    public static StderrTail start(InputStream in, int capacity, String threadName) {
        StderrTail tail = new StderrTail(in, capacity, threadName);
        tail.thread.start();
        return tail;
    }

    private void drain(InputStream in) {
        try (BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            String line;
            while ((line = r.readLine()) != null) {
                if (line.length() > MAX_LINE) {
                    line = line.substring(0, MAX_LINE) + "…";
                }
                synchronized (lines) {
                    lines.addLast(line);
                    while (lines.size() > capacity) {
                        lines.removeFirst();
                    }
                }
            }
        } catch (IOException ignored) {
            // the stream closes when the process is destroyed
        }
    }

    /**
     * The last lines seen, oldest first; waits up to {@code settleMillis} for the drain thread to
     * finish (it does once the process has exited), so a crash's traceback is complete.
     */
    public List<String> lines(long settleMillis) {
        if (settleMillis > 0) {
            try {
                thread.join(settleMillis);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        synchronized (lines) {
            return new ArrayList<>(lines);
        }
    }
}
