package io.supporthub.hub.db;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Base64;
import java.util.Set;
import javax.sql.DataSource;

/**
 * The embedded PostgreSQL's password and its authentication rules. initdb leaves every local connection trusted as
 * superuser; the hub makes the server ask for a password it generated, kept in a file only the hub's user can read.
 * The order makes an interrupted upgrade harmless: the password file is written (and synced) first, then the
 * server's password is set, and only then are the rules switched from trust to password, so whichever step a crash
 * stops at, the next start still gets in.
 */
final class EmbeddedAuthentication {

    static final String HBA_MARKER = "# Written by the support hub";
    private static final String HBA = HBA_MARKER + ": only password logins over loopback, no local socket.\n"
            + "host all all 127.0.0.1/32 scram-sha-256\n"
            + "host all all ::1/128 scram-sha-256\n";
    private static final Set<PosixFilePermission> OWNER_ONLY = PosixFilePermissions.fromString("rw-------");

    private EmbeddedAuthentication() {
    }

    /** The password in {@code file}, generated and written with mode 600 on first use. */
    static String password(Path file) throws IOException {
        if (!Files.exists(file)) {
            byte[] random = new byte[24];
            new SecureRandom().nextBytes(random);
            writeOwnerOnly(file, Base64.getUrlEncoder().withoutPadding().encodeToString(random) + "\n");
        }
        Files.setPosixFilePermissions(file, OWNER_ONLY);
        String password = Files.readString(file, StandardCharsets.UTF_8).strip();
        if (password.isEmpty()) {
            throw new IOException(file + " is empty; restore the embedded database's password or remove "
                    + "the data folder to start afresh");
        }
        return password;
    }

    /** Sets the superuser's password, then (once) switches the rules in {@code pgData/pg_hba.conf} to require it. */
    static void require(DataSource superuser, Path pgData, String password) throws IOException, SQLException {
        try (Connection connection = superuser.getConnection(); Statement statement = connection.createStatement()) {
            statement.execute("set password_encryption = 'scram-sha-256'");
            statement.execute("alter role postgres password '" + password.replace("'", "''") + "'");
            Path hba = pgData.resolve("pg_hba.conf");
            if (!Files.readString(hba, StandardCharsets.UTF_8).startsWith(HBA_MARKER)) {
                writeOwnerOnly(hba, HBA);
                statement.execute("select pg_reload_conf()");
            }
        }
    }

    /** Writes a file whole or not at all: a synced temporary file, moved into place. */
    private static void writeOwnerOnly(Path file, String content) throws IOException {
        Path temporary = file.resolveSibling(file.getFileName() + ".tmp");
        Files.deleteIfExists(temporary);
        try {
            Files.createFile(temporary, PosixFilePermissions.asFileAttribute(OWNER_ONLY));
        } catch (FileAlreadyExistsException e) {
            throw new IOException("another process is writing " + temporary, e);
        }
        try (FileChannel channel = FileChannel.open(temporary, StandardOpenOption.WRITE)) {
            channel.write(StandardCharsets.UTF_8.encode(content));
            channel.force(true);
        }
        try {
            Files.move(temporary, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(temporary, file, StandardCopyOption.REPLACE_EXISTING);
        }
    }
}
