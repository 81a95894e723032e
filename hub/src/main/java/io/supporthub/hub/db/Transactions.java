package io.supporthub.hub.db;

import io.supporthub.hub.ticket.AfterCommit;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.statement.UnableToExecuteStatementException;

import java.sql.SQLException;
import java.util.function.Function;

/** Runs work in one transaction and, once it is committed, the actions it collected. */
public final class Transactions {

    /** Work inside a transaction that may leave actions for after the commit. */
    @FunctionalInterface
    public interface Work<T> {
        T run(Handle handle, AfterCommit afterCommit);
    }

    private final Jdbi jdbi;

    public Transactions(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    public Jdbi jdbi() {
        return jdbi;
    }

    public <T> T inTransaction(Work<T> work) {
        AfterCommit afterCommit = new AfterCommit();
        T result = jdbi.inTransaction(handle -> work.run(handle, afterCommit));
        afterCommit.run();
        return result;
    }

    /**
     * Like {@link #inTransaction}, but a unique violation (two deliveries of one message, or two first messages of one
     * new contact, racing each other) rolls back and runs the work once more: it then sees what the other committed.
     */
    public <T> T inTransactionRetryingConflicts(Work<T> work) {
        try {
            return inTransaction(work);
        } catch (UnableToExecuteStatementException e) {
            if (isUniqueViolation(e)) {
                return inTransaction(work);
            }
            throw e;
        }
    }

    public <T> T read(Function<Handle, T> work) {
        return jdbi.withHandle(work::apply);
    }

    private static boolean isUniqueViolation(Throwable e) {
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            if (cause instanceof SQLException sql && "23505".equals(sql.getSQLState())) {
                return true;
            }
        }
        return false;
    }
}
