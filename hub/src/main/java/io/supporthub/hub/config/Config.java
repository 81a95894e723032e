package io.supporthub.hub.config;


import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;

/**
 * Deployment settings, read from the environment, then from an optional properties file named by
 * {@code CONFIG_FILE} (default {@code ./supporthub.properties}); the environment wins. Names are those of
 * CONTRACT.md. Settings admins change at run time live in the database instead.
 */
public final class Config {

    private final Map<String, String> values;

    public Config(Map<String, String> values) {
        this.values = Map.copyOf(values);
    }

    /** The environment over the config file. */
    public static Config fromEnvironment() {
        Map<String, String> merged = new HashMap<>();
        Path file = Path.of(System.getenv().getOrDefault("CONFIG_FILE", "supporthub.properties"));
        if (Files.isRegularFile(file)) {
            Properties properties = new Properties();
            try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
                properties.load(reader);
            } catch (IOException e) {
                throw new IllegalStateException("cannot read config file " + file.toAbsolutePath() + ": " + e.getMessage(), e);
            }
            properties.stringPropertyNames().forEach(name -> merged.put(name, properties.getProperty(name)));
        }
        System.getenv().forEach((name, value) -> {
            if (!value.isBlank()) {
                merged.put(name, value);
            }
        });
        return new Config(merged);
    }

    public Config with(String name, String value) {
        Map<String, String> copy = new HashMap<>(values);
        copy.put(name, value);
        return new Config(copy);
    }

    public Optional<String> get(String name) {
        String value = values.get(name);
        return value == null || value.isBlank() ? Optional.empty() : Optional.of(value.strip());
    }

    /** The company's time zone until an admin sets one: {@code TIME_ZONE} (an IANA id), else UTC. */
    public java.time.ZoneId timeZone() {
        String id = get("TIME_ZONE", "UTC");
        try {
            return java.time.ZoneId.of(id);
        } catch (java.time.DateTimeException e) {
            throw new IllegalArgumentException("TIME_ZONE must be an IANA time zone id such as Europe/Paris, got '" + id + "'");
        }
    }

    public String get(String name, String fallback) {
        return get(name).orElse(fallback);
    }

    public int getInt(String name, int fallback) {
        return get(name).map(value -> parseInt(name, value)).orElse(fallback);
    }

    private static int parseInt(String name, String value) {
        try {
            return Integer.parseInt(value);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(name + " must be a whole number, got '" + value + "'");
        }
    }

    /** Connections that serve transactions; by default {@link #defaultPoolSize()}, twice the cores plus two. */
    public int databasePoolSize() {
        return positive("DB_POOL_SIZE", defaultPoolSize());
    }

    /**
     * HikariCP's rule of thumb for a pool's size, twice the cores plus the "spindles": twice the cores keep the
     * cores busy while transactions wait on the database, and two more stand in for the disk, which every commit
     * waits on. More connections only add contention; fewer leave the cores idle whenever commits are slow (measured
     * by the ingestion benchmark, see the README).
     */
    public static int defaultPoolSize() {
        return 2 * Runtime.getRuntime().availableProcessors() + 2;
    }

    public int port() {
        return getInt("PORT", 8080);
    }

    /** The address the hub listens on ({@code HOST}); none means every interface. */
    public Optional<String> host() {
        return get("HOST").map(String::strip).filter(host -> !host.isEmpty());
    }

    public String publicUrl() {
        String url = get("PUBLIC_URL", "http://localhost:" + port());
        return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
    }

    public Optional<String> databaseUrl() {
        return get("DATABASE_URL");
    }

    public Path dataDir() {
        return Path.of(get("DATA_DIR", "./data"));
    }

    public Duration reopenWindow() {
        return Duration.ofDays(positive("REOPEN_WINDOW_DAYS", 7));
    }

    /** Where the sidebar's view counts stop counting ({@code INBOX_COUNT_LIMIT}): a view this full shows "999+". */
    public int inboxCountLimit() {
        return positive("INBOX_COUNT_LIMIT", 1000);
    }

    public Duration autoCloseAfter() {
        return Duration.ofDays(positive("AUTO_CLOSE_DAYS", 3));
    }

    /** How long payloads kept aside are kept ({@code KEPT_ASIDE_RETENTION_DAYS}). */
    public Duration keptAsideRetention() {
        return Duration.ofDays(positive("KEPT_ASIDE_RETENTION_DAYS", 30));
    }

    /**
     * How long a message one node is sending stays its own before any node may send it again: the time after which
     * the message of a node that died mid-send goes out from another. Longer than any send takes.
     */
    public Duration outboxLease() {
        return Duration.ofSeconds(positive("OUTBOX_LEASE_SECONDS", 600));
    }

    /** How long the audit log is kept ({@code AUDIT_RETENTION_DAYS}). */
    public Duration auditRetention() {
        return Duration.ofDays(positive("AUDIT_RETENTION_DAYS", 365));
    }

    /** How long the customer bot waits for an answer it asked for (a rating's comment, a message to add to a request). */
    public Duration botWait() {
        return Duration.ofMinutes(positive("BOT_WAIT_MINUTES", 10));
    }

    public long maxAttachmentBytes() {
        return positive("MAX_ATTACHMENT_MB", 20) * 1024L * 1024L;
    }

    /** {@code TRUSTED_PROXIES}: the CIDRs of load balancers whose {@code X-Forwarded-For} is believed. */
    public List<String> trustedProxies() {
        return get("TRUSTED_PROXIES").map(value -> Arrays.stream(value.split("[,\\s]+")).filter(s -> !s.isEmpty()).toList())
                .orElse(List.of());
    }

    /** An agent's session ends after this long unused ({@code SESSION_IDLE_MINUTES}). */
    public Duration sessionIdle() {
        return Duration.ofMinutes(positive("SESSION_IDLE_MINUTES", 720));
    }

    /**
     * {@code ALLOW_PRIVATE_CALLBACKS=true}: the generic channel's callback URL may point at loopback, link-local or
     * private addresses (a receiver inside the same network; tests).
     */
    public boolean allowPrivateCallbacks() {
        return get("ALLOW_PRIVATE_CALLBACKS").map(value -> value.equalsIgnoreCase("true")).orElse(false);
    }

    public Optional<String> apiKey() {
        return get("API_KEY");
    }

    /** The company's name as customers see it in replies and notifications. */
    public String companyName() {
        return get("COMPANY_NAME", "Support");
    }

    /**
     * The company's name when one is set, else null: the bot's greeting then says "You are writing to support", not
     * "to Support support".
     */
    public String companyNameIfSet() {
        String name = get("COMPANY_NAME", "");
        return name.isBlank() ? null : name.strip();
    }

    /** The language of the default canned replies and of notifications to customers whose language is unknown. */
    public String defaultLanguage() {
        return io.supporthub.templates.Languages.resolve(get("DEFAULT_LANGUAGE", "en"));
    }

    public Optional<String> defaultPhoneRegion() {
        return get("DEFAULT_PHONE_REGION").map(region -> region.toUpperCase(Locale.ROOT));
    }

    private int positive(String name, int fallback) {
        int value = getInt(name, fallback);
        if (value <= 0) {
            throw new IllegalArgumentException(name + " must be positive, got " + value);
        }
        return value;
    }
}
