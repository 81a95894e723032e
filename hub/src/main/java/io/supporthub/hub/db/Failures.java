package io.supporthub.hub.db;

import org.jdbi.v3.core.ConnectionException;

import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import java.sql.SQLTransientException;
import java.util.function.Predicate;

/**
 * The one classifier of database failures. It tells a passing failure (the database is down, busy or restarting; a
 * deadlock) from a permanent one (this payload can never be stored: bad data, a bug): providers must retry the first
 * and be acknowledged for the second, so that one bad message never holds back the ones after it. It also names the
 * failures that callers treat apart: two transactions in each other's way
 * (run again), a unique key taken by a concurrent insert.
 */
public final class Failures {

    private static final String UNIQUE_VIOLATION = "23505";
    private static final String DEADLOCK = "40P01";
    private static final String SERIALIZATION_FAILURE = "40001";

    private Failures() {
    }

    /** Worth trying again later: the connection, a rollback the database chose, its resources, an operator. */
    public static boolean isPassing(Throwable failure) {
        return anyCause(failure, cause -> cause instanceof ConnectionException || cause instanceof SQLTransientException
                || sqlStateStartsWith(cause, "08", "40", "53", "57"));
    }

    /** A deadlock or a serialization failure: the same work, run again, usually succeeds. */
    public static boolean isTransactionConflict(Throwable failure) {
        return anyCause(failure, cause -> sqlStateIs(cause, DEADLOCK) || sqlStateIs(cause, SERIALIZATION_FAILURE));
    }

    /** A unique key that another transaction took first. */
    public static boolean isUniqueViolation(Throwable failure) {
        return anyCause(failure, cause -> sqlStateIs(cause, UNIQUE_VIOLATION));
    }

    /**
     * A value the database cannot store or compare (SQL state class 22, data exception: a NUL character, a number out
     * of range, a malformed date): the input is at fault, not the hub or the database.
     */
    public static boolean isBadValue(Throwable failure) {
        return anyCause(failure, cause -> sqlStateStartsWith(cause, "22"));
    }

    /** The innermost message, which usually says what the database objected to. */
    public static String reason(Throwable failure) {
        Throwable root = failure;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root.getClass().getSimpleName() + ": " + root.getMessage();
    }

    private static boolean anyCause(Throwable failure, Predicate<Throwable> test) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause() == cause ? null : cause.getCause()) {
            if (test.test(cause)) {
                return true;
            }
        }
        return false;
    }

    private static boolean sqlStateIs(Throwable cause, String state) {
        return cause instanceof SQLException sql && state.equals(sql.getSQLState());
    }

    private static boolean sqlStateStartsWith(Throwable cause, String... classes) {
        if (!(cause instanceof SQLException sql) || sql.getSQLState() == null) {
            return false;
        }
        for (String prefix : classes) {
            if (sql.getSQLState().startsWith(prefix)) {
                return true;
            }
        }
        return false;
    }
}
