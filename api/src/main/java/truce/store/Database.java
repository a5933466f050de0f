package truce.store;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;

/**
 * The SQLite file behind everything: one writer connection (writes are serialised, and short) and a small pool
 * of reader connections, so a long read (a whole session's frames) never holds up the pipeline's writes. WAL
 * mode lets readers and the writer run at once.
 */
public final class Database implements AutoCloseable {

    /** A unit of work against a connection. */
    @FunctionalInterface
    public interface Work<T> {
        T run(Connection c) throws SQLException;
    }

    private final String url;
    private final Connection writer;
    private final BlockingQueue<Connection> readers;
    private final List<Connection> allReaders;

    public Database(Path file) throws SQLException {
        this.url = "jdbc:sqlite:" + file.toAbsolutePath();
        this.writer = open();
        try (Statement s = writer.createStatement()) {
            s.execute("PRAGMA journal_mode=WAL");
            // FULL: a committed batch survives a power cut, which is what "lose at most the last second" needs.
            s.execute("PRAGMA synchronous=FULL");
            s.execute("PRAGMA foreign_keys=ON");
        }
        Migrations.apply(writer);
        int n = 4;
        readers = new ArrayBlockingQueue<>(n);
        Connection[] rs = new Connection[n];
        for (int i = 0; i < n; i++) {
            rs[i] = open();
            readers.add(rs[i]);
        }
        allReaders = List.of(rs);
    }

    private Connection open() throws SQLException {
        Connection c = DriverManager.getConnection(url);
        try (Statement s = c.createStatement()) {
            s.execute("PRAGMA busy_timeout=5000");
        }
        return c;
    }

    /** Runs work on the writer connection inside one transaction. */
    public <T> T write(Work<T> work) {
        synchronized (writer) {
            try {
                writer.setAutoCommit(false);
                try {
                    T t = work.run(writer);
                    writer.commit();
                    return t;
                } catch (SQLException | RuntimeException e) {
                    writer.rollback();
                    throw e;
                } finally {
                    writer.setAutoCommit(true);
                }
            } catch (SQLException e) {
                throw new StoreException(e);
            }
        }
    }

    /** Runs work on a reader connection. */
    public <T> T read(Work<T> work) {
        Connection c;
        try {
            c = readers.take();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new StoreException(new SQLException("interrupted waiting for a reader"));
        }
        try {
            return work.run(c);
        } catch (SQLException e) {
            throw new StoreException(e);
        } finally {
            readers.add(c);
        }
    }

    @Override
    public void close() {
        synchronized (writer) {
            try {
                writer.close();
            } catch (SQLException ignored) {
                // closing anyway
            }
        }
        for (Connection c : allReaders) {
            try {
                c.close();
            } catch (SQLException ignored) {
                // closing anyway
            }
        }
    }

    /** A storage failure (disk full, corrupt file): unchecked so callers on the pipeline decide what to keep. */
    public static final class StoreException extends RuntimeException {
        public StoreException(SQLException cause) {
            super(cause.getMessage(), cause);
        }
    }
}
