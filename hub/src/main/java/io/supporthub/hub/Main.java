package io.supporthub.hub;

import io.supporthub.hub.agent.AgentService;
import io.supporthub.hub.config.Config;
import io.supporthub.hub.db.Database;
import io.supporthub.hub.db.EmbeddedDatabase;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.Optional;

/** Starts the hub: the database (the given one, or an embedded one under DATA_DIR), the first admin, the server. */
public final class Main {

    private static final Logger log = LoggerFactory.getLogger(Main.class);

    private Main() {
    }

    public static void main(String[] args) {
        Config config = Config.fromEnvironment();
        EmbeddedDatabase embedded = null;
        String jdbcUrl;
        if (config.databaseUrl().isPresent()) {
            jdbcUrl = config.databaseUrl().get();
        } else {
            embedded = EmbeddedDatabase.start(config.dataDir());
            jdbcUrl = embedded.jdbcUrl("postgres");
        }
        Database database = Database.open(jdbcUrl, config.databasePoolSize());
        App app = new App(config, database, App.Options.production());
        String adminEmail = config.get("ADMIN_EMAIL", AgentService.DEFAULT_ADMIN_EMAIL);
        Optional<String> generated = app.agents().ensureFirstAdmin(adminEmail, config.get("ADMIN_PASSWORD").orElse(null));
        int port = app.start();
        EmbeddedDatabase embeddedToStop = embedded;
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            app.close();
            database.close();
            if (embeddedToStop != null) {
                embeddedToStop.close();
            }
        }, "shutdown"));
        StringBuilder banner = new StringBuilder("\n\n  Support hub is running: open ").append(config.publicUrl()).append('/');
        if (port != config.port()) {
            banner.append("  (listening on port ").append(port).append(')');
        }
        generated.ifPresent(password -> banner.append("\n  First administrator: ").append(adminEmail)
                .append("  password: ").append(password).append("   (shown once; change it after logging in)"));
        banner.append("\n");
        log.info(banner.toString());
    }
}
