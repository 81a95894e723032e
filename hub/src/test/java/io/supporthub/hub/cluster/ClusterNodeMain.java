package io.supporthub.hub.cluster;

import io.supporthub.hub.App;
import io.supporthub.hub.config.Config;
import io.supporthub.hub.db.Database;

/**
 * One hub node as {@code Main} builds it (the production options: real clock, the channels' own senders, Quartz,
 * the outbox's workers and the single-node listeners), from the environment {@link HubNode} gives it; started in a
 * JVM of its own so that it can be killed.
 */
public final class ClusterNodeMain {

    private ClusterNodeMain() {
    }

    public static void main(String[] args) {
        Config config = Config.fromEnvironment();
        Database database = Database.open(config.databaseUrl().orElseThrow(), config.databasePoolSize());
        App app = new App(config, database, App.Options.production());
        app.agents().ensureFirstAdmin(config.get("ADMIN_EMAIL").orElseThrow(), config.get("ADMIN_PASSWORD").orElseThrow());
        app.start();
        // A graceful stop (SIGTERM) closes as Main does; a kill -9 runs nothing, which is the point of the test.
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            app.close();
            database.close();
        }, "shutdown"));
    }
}
