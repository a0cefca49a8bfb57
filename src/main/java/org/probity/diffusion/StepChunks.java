package org.probity.diffusion;

import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.IntStream;

/**
 * How {@link D3pmStructuredBound} spreads the O(K²) work of a step over the cores: in chunks of
 * columns (or rows), each computed whole by one thread in a fixed order, so the results do not depend
 * on which thread took a chunk or on the number of threads. Below {@value #PARALLEL_STATES} states
 * everything runs on the calling thread.
 */
final class StepChunks {
    /** From this many states on, the work of a step is split over the cores. */
    static final int PARALLEL_STATES = 64;
    /** Columns (or rows) per chunk of {@link #overlapped}. */
    private static final int OVERLAP_CHUNK = 32;
    /** Busy-wait this many times for a chunk that another thread is finishing before yielding the core. */
    private static final int SPINS = 1 << 10;

    private StepChunks() {
    }

    /** Work on the range {@code from..to-1} of 0..K-1. */
    @FunctionalInterface
    interface Range {
        void run(int from, int to);
    }

    /**
     * Runs {@code first}, then {@code work} over chunks covering 0..k-1, on this thread; from
     * {@value #PARALLEL_STATES} states on, a pool worker takes chunks from the start while {@code first}
     * runs, and this thread takes the rest once it is done (it never waits for a chunk nobody took).
     * Returns when every chunk is done, rethrowing what {@code first} or a chunk threw.
     */
    static void overlapped(int k, Runnable first, Range work) {
        if (k < PARALLEL_STATES) {
            first.run();
            work.run(0, k);
            return;
        }
        int chunks = Math.max(2, k / OVERLAP_CHUNK);
        AtomicInteger next = new AtomicInteger();
        AtomicInteger done = new AtomicInteger();
        AtomicReference<Throwable> failure = new AtomicReference<>();
        Runnable drain = () -> {
            for (int ch = next.getAndIncrement(); ch < chunks; ch = next.getAndIncrement()) {
                try {
                    work.run(ch * k / chunks, (ch + 1) * k / chunks);
                } catch (RuntimeException | Error e) { // handed to the calling thread below
                    failure.compareAndSet(null, e);
                } finally {
                    done.incrementAndGet();
                }
            }
        };
        ForkJoinPool.commonPool().execute(drain);
        try {
            first.run();
        } finally {
            drain.run();
            for (int spins = 0; done.get() < chunks; spins++) {
                if (spins < SPINS) {
                    Thread.onSpinWait();
                } else {
                    Thread.yield();
                }
            }
        }
        Throwable e = failure.get();
        if (e instanceof RuntimeException) {
            throw (RuntimeException) e;
        } else if (e != null) {
            throw (Error) e;
        }
    }

    /** Runs {@code work} over ranges covering 0..k-1: in parallel chunks from {@value #PARALLEL_STATES} states on. */
    static void parallel(int k, Range work) {
        if (k < PARALLEL_STATES) {
            work.run(0, k);
            return;
        }
        int chunks = Math.min(k / 16, 2 * Runtime.getRuntime().availableProcessors());
        IntStream.range(0, chunks).parallel().forEach(ch -> work.run(ch * k / chunks, (ch + 1) * k / chunks));
    }
}
