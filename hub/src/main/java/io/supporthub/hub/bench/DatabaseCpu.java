package io.supporthub.hub.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

/**
 * The CPU time the machine's PostgreSQL processes have used, from {@code /proc} (Linux; a server on this machine,
 * installed or embedded). A machine whose speed drifts gives throughputs that straddle each other, while the CPU a
 * message costs the hub and the database together is steady: the figure to compare two builds by.
 */
final class DatabaseCpu {

    /** Linux's USER_HZ, the unit of {@code /proc/<pid>/stat}'s times, 100 on every common kernel. */
    private static final long TICKS_PER_SECOND = 100;

    private DatabaseCpu() {
    }

    /** Nanoseconds of user and system time of every process named postgres, or -1 when there is no such figure. */
    static long nanos() {
        Path proc = Path.of("/proc");
        if (!Files.isDirectory(proc)) {
            return -1;
        }
        long ticks = 0;
        boolean found = false;
        try (Stream<Path> entries = Files.list(proc)) {
            for (Path entry : (Iterable<Path>) entries::iterator) {
                String name = entry.getFileName().toString();
                if (!name.chars().allMatch(Character::isDigit)) {
                    continue;
                }
                long used = postgresTicks(entry.resolve("stat"));
                if (used >= 0) {
                    ticks += used;
                    found = true;
                }
            }
        } catch (IOException e) {
            return -1;
        }
        return found ? ticks * 1_000_000_000L / TICKS_PER_SECOND : -1;
    }

    /** utime + stime of a postgres process; -1 for any other (or one that ended meanwhile). */
    private static long postgresTicks(Path stat) {
        String line;
        try {
            line = Files.readString(stat);
        } catch (IOException e) {
            return -1;
        }
        int open = line.indexOf('(');
        int close = line.lastIndexOf(')');
        if (open < 0 || close < open || !line.substring(open + 1, close).equals("postgres")) {
            return -1;
        }
        // After "(comm) ": state is field 3; utime and stime are fields 14 and 15.
        String[] fields = line.substring(close + 2).split(" ");
        return Long.parseLong(fields[11]) + Long.parseLong(fields[12]);
    }
}
