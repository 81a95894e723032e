package io.supporthub.hub.outbox;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

/**
 * A queue's workers: each takes one due item after another through its {@link DeliveryCycle} and, when none is due,
 * sleeps until {@link #wake()} (a commit that queued something) or a second passes (items whose backoff ended, items
 * other nodes queued). The outbox of customer messages has one, the mail to agents another.
 */
public final class OutboxDispatcher implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(OutboxDispatcher.class);
    private static final Duration IDLE_POLL = Duration.ofSeconds(1);

    private final DeliveryCycle<?> delivery;
    private final ExecutorService workers;
    private final ReentrantLock lock = new ReentrantLock();
    private final Condition wakeUp = lock.newCondition();
    private final int workerCount;
    private volatile boolean running;
    private long wakeups;

    /** @param threadName names the workers' threads */
    public OutboxDispatcher(DeliveryCycle<?> delivery, int workerCount, String threadName) {
        this.delivery = delivery;
        this.workerCount = workerCount;
        this.workers = Executors.newFixedThreadPool(workerCount, runnable -> {
            Thread thread = new Thread(runnable, threadName);
            thread.setDaemon(true);
            return thread;
        });
    }

    public void start() {
        running = true;
        for (int i = 0; i < workerCount; i++) {
            workers.submit(this::work);
        }
    }

    /** Tells idle workers that new rows were committed. */
    public void wake() {
        lock.lock();
        try {
            wakeups++;
            wakeUp.signalAll();
        } finally {
            lock.unlock();
        }
    }

    private void work() {
        while (running) {
            long seen;
            lock.lock();
            try {
                seen = wakeups;
            } finally {
                lock.unlock();
            }
            boolean sent;
            try {
                sent = dispatchOne();
            } catch (RuntimeException e) {
                // With its trace: a failure after the send leaves the item leased until its lease ends.
                log.warn("Outbox dispatch failed, will retry: {}", e.toString(), e);
                sent = false;
            }
            if (!sent) {
                idle(seen);
            }
        }
    }

    private void idle(long seen) {
        lock.lock();
        try {
            if (wakeups == seen && running) {
                wakeUp.await(IDLE_POLL.toMillis(), TimeUnit.MILLISECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            running = false;
        } finally {
            lock.unlock();
        }
    }

    /** Claims and sends one due item; false when none was due. Public so tests can drive the dispatcher step by step. */
    public boolean dispatchOne() {
        return delivery.deliverOne();
    }

    @Override
    public void close() {
        running = false;
        wake();
        workers.shutdown();
        try {
            if (!workers.awaitTermination(5, TimeUnit.SECONDS)) {
                // A worker still waiting to record an outcome (the database is away): the lease brings it back.
                workers.shutdownNow();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
