package io.supporthub.hub.db;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.ArrayList;
import java.util.List;

/**
 * Work that must wait until the transaction is committed: scheduling timers, waking the outbox dispatcher, telling
 * agents' pages. Collected while the transaction runs, run by the caller after commit; a failing action is logged
 * and does not stop the others (the periodic sweeps cover timers that failed to be scheduled).
 */
public final class AfterCommit {

    private static final Logger log = LoggerFactory.getLogger(AfterCommit.class);

    private final List<Runnable> actions = new ArrayList<>();

    public void add(Runnable action) {
        actions.add(action);
    }

    public void run() {
        for (Runnable action : actions) {
            try {
                action.run();
            } catch (RuntimeException e) {
                log.warn("An after-commit action failed: {}", e.toString(), e);
            }
        }
        actions.clear();
    }
}
