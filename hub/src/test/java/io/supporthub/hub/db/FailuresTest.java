package io.supporthub.hub.db;

import org.jdbi.v3.core.ConnectionException;
import org.junit.jupiter.api.Test;

import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;

import static org.assertj.core.api.Assertions.assertThat;

class FailuresTest {

    private static RuntimeException wrapped(SQLException sql) {
        return new IllegalStateException("statement failed", sql);
    }

    @Test
    void a_lost_connection_is_passing() {
        RuntimeException refused = wrapped(new SQLException("connection refused", "08001"));
        assertThat(Failures.isPassing(refused)).isTrue();
        assertThat(Failures.isPassing(new ConnectionException(new SQLTransientConnectionException("pool timeout")))).isTrue();
    }

    @Test
    void a_deadlock_is_passing_and_a_transaction_conflict() {
        RuntimeException deadlock = wrapped(new SQLException("deadlock detected", "40P01"));
        assertThat(Failures.isPassing(deadlock)).isTrue();
        assertThat(Failures.isTransactionConflict(deadlock)).isTrue();
        assertThat(Failures.isTransactionConflict(wrapped(new SQLException("could not serialize", "40001")))).isTrue();
    }

    @Test
    void bad_data_is_permanent() {
        RuntimeException tooLong = wrapped(new SQLException("value too long", "22001"));
        assertThat(Failures.isPassing(tooLong)).isFalse();
        assertThat(Failures.isTransactionConflict(tooLong)).isFalse();
        assertThat(Failures.isUniqueViolation(tooLong)).isFalse();
        assertThat(Failures.isPassing(wrapped(new SQLException("no state", (String) null)))).isFalse();
    }

    @Test
    void a_taken_unique_key_is_named_and_the_reason_is_the_innermost_message() {
        RuntimeException duplicate = wrapped(new SQLException("duplicate key value", "23505"));
        assertThat(Failures.isUniqueViolation(duplicate)).isTrue();
        assertThat(Failures.isPassing(duplicate)).isFalse();
        assertThat(Failures.reason(duplicate)).isEqualTo("SQLException: duplicate key value");
    }
}
