package org.probity.cli;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Consumer;
import java.util.function.Supplier;
import org.probity.report.CheckRecord;

/**
 * Runs a list of check tasks (one per identity or spec file) on a fixed pool of threads and
 * collects their records in task order, so the result does not depend on the scheduling: each task
 * is determined by its own seed and inputs. Progress is reported as each task finishes. (Running
 * is the front end's job; {@code report} only renders the records.)
 */
final class Verification {
    /**
     * One unit of work: a label for progress displays, the work, which returns the records of what it
     * checked, and a rough estimate of its cost, used only to order the start of the work.
     *
     * @param label what runs (an identity name, a spec file)
     * @param work  the check
     * @param cost  a relative cost estimate, {@code >= 0} (a spec file's length; 0 for one identity)
     */
    record Task(String label, Supplier<List<CheckRecord>> work, long cost) {
        /** Checks for nulls and a negative cost. */
        public Task {
            Objects.requireNonNull(label, "label");
            Objects.requireNonNull(work, "work");
            if (cost < 0) {
                throw new IllegalArgumentException("cost must be >= 0: " + cost);
            }
        }

        /** A task of cost 0 (one identity: milliseconds to a few hundred). */
        Task(String label, Supplier<List<CheckRecord>> work) {
            this(label, work, 0);
        }
    }

    /** Receives progress: a task started, or a task finished with its records. */
    interface Listener {
        /**
         * @param task the task that starts
         */
        void started(Task task);

        /**
         * @param task    the task that finished
         * @param records its records
         */
        void finished(Task task, List<CheckRecord> records);
    }

    private Verification() {
    }

    /**
     * @param tasks    the tasks, in report order
     * @param threads  worker threads, {@code >= 1}
     * @param listener progress (called from worker threads, one call at a time)
     * @return every task's records, in task order
     * @throws RuntimeException whatever a task threw (unwrapped)
     */
    static List<CheckRecord> run(List<Task> tasks, int threads, Listener listener) {
        ExecutorService pool = Executors.newFixedThreadPool(Math.max(1, Math.min(threads, Math.max(1, tasks.size()))), r -> {
            Thread t = new Thread(r, "probity-verify");
            t.setDaemon(true);
            return t;
        });
        try {
            // Longest first (LPT): a spec file costs seconds, an identity milliseconds; started last, one
            // long file would run alone while the other threads idle. Records still come back in task order.
            List<Integer> order = new ArrayList<>();
            for (int i = 0; i < tasks.size(); i++) {
                order.add(i);
            }
            order.sort(java.util.Comparator.comparingLong((Integer i) -> tasks.get(i).cost()).reversed());
            List<Future<List<CheckRecord>>> futures = new ArrayList<>(java.util.Collections.nCopies(tasks.size(), null));
            for (int i : order) {
                Task task = tasks.get(i);
                futures.set(i, pool.submit(() -> {
                    synchronized (listener) {
                        listener.started(task);
                    }
                    List<CheckRecord> records = task.work().get();
                    synchronized (listener) {
                        listener.finished(task, records);
                    }
                    return records;
                }));
            }
            List<CheckRecord> all = new ArrayList<>();
            for (Future<List<CheckRecord>> f : futures) {
                all.addAll(f.get());
            }
            return all;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        } catch (ExecutionException e) {
            Throwable c = e.getCause();
            if (c instanceof RuntimeException) {
                throw (RuntimeException) c;
            }
            if (c instanceof Error) {
                throw (Error) c;
            }
            throw new IllegalStateException(c);
        } finally {
            pool.shutdownNow();
        }
    }

    /** A listener that ignores progress. */
    static Listener quiet() {
        return new Listener() {
            @Override
            public void started(Task task) {
            }

            @Override
            public void finished(Task task, List<CheckRecord> records) {
            }
        };
    }

    /**
     * @param consumer called with each record as its task finishes
     * @return a listener that forwards finished records
     */
    static Listener onRecord(Consumer<CheckRecord> consumer) {
        return new Listener() {
            @Override
            public void started(Task task) {
            }

            @Override
            public void finished(Task task, List<CheckRecord> records) {
                records.forEach(consumer);
            }
        };
    }
}
