package io.supporthub.hub.db;

import org.jdbi.v3.core.ConnectionException;

import java.sql.SQLException;
import java.sql.SQLTransientException;

/**
 * Tells a passing failure (the database is down, busy or restarting; a deadlock) from a permanent one (this payload
 * can never be stored: bad data, a bug). Providers must retry the first and be acknowledged for the second, so that
 * one bad message never holds back the ones after it.
 */
public final class Failures {

    private Failures() {
    }

    public static boolean isPassing(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof ConnectionException || cause instanceof SQLTransientException) {
                return true;
            }
            if (cause instanceof SQLException sql && sql.getSQLState() != null) {
                String state = sql.getSQLState();
                // 08 connection, 40 rollback (deadlock, serialization), 53 resources, 57 operator intervention.
                if (state.startsWith("08") || state.startsWith("40") || state.startsWith("53") || state.startsWith("57")) {
                    return true;
                }
            }
        }
        return false;
    }

    /** The innermost message, which usually says what the database objected to. */
    public static String reason(Throwable failure) {
        Throwable root = failure;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root.getClass().getSimpleName() + ": " + root.getMessage();
    }
}
