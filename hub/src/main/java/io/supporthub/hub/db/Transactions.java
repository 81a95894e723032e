package io.supporthub.hub.db;

import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.statement.UnableToExecuteStatementException;

import java.util.function.Function;

/** Runs work in one transaction and, once it is committed, the actions it collected. */
public final class Transactions {

    /** Work inside a transaction that may leave actions for after the commit. */
    @FunctionalInterface
    public interface Work<T> {
        T run(Handle handle, AfterCommit afterCommit);
    }

    private static final int MAX_ATTEMPTS = 3;

    private final Jdbi jdbi;

    public Transactions(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    public Jdbi jdbi() {
        return jdbi;
    }

    /**
     * Runs the work in one transaction, then the actions it left for after the commit. A deadlock or serialization
     * failure (a customer's message and an agent's reply on the same ticket, taking rows in opposite orders) rolls
     * back and runs the work again, a few times: the work only writes to the database and its after-commit list.
     */
    public <T> T inTransaction(Work<T> work) {
        for (int attempt = 1; ; attempt++) {
            AfterCommit afterCommit = new AfterCommit();
            try {
                T result = jdbi.inTransaction(handle -> work.run(handle, afterCommit));
                afterCommit.run();
                return result;
            } catch (RuntimeException e) {
                if (attempt >= MAX_ATTEMPTS || !Failures.isTransactionConflict(e)) {
                    throw e;
                }
            }
        }
    }

    /**
     * Like {@link #inTransaction}, but a unique violation (two deliveries of one message, or two first messages of one
     * new contact, racing each other) rolls back and runs the work once more: it then sees what the other committed.
     */
    public <T> T inTransactionRetryingConflicts(Work<T> work) {
        try {
            return inTransaction(work);
        } catch (UnableToExecuteStatementException e) {
            if (Failures.isUniqueViolation(e)) {
                return inTransaction(work);
            }
            throw e;
        }
    }

    public <T> T read(Function<Handle, T> work) {
        return jdbi.withHandle(work::apply);
    }
}
