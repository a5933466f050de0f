package truce.store;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;

/**
 * The versioned schema. Each entry moves the file from version i to i+1 (PRAGMA user_version); a file is only
 * ever moved forward, inside one transaction per step. Never edit a released step: add one.
 */
final class Migrations {

    private static final List<String[]> STEPS = List.<String[]>of(
            new String[] {
                // v1: sessions, their per-frame detections (packed in batches), alerts, recordings, highlights.
                """
                CREATE TABLE sessions(
                  id INTEGER PRIMARY KEY AUTOINCREMENT,
                  camera TEXT NOT NULL, pair TEXT NOT NULL, stage INTEGER NOT NULL,
                  started_at INTEGER NOT NULL, ended_at INTEGER, auto INTEGER NOT NULL DEFAULT 0,
                  metrics TEXT, calm_score INTEGER, lunges INTEGER)""",
                "CREATE INDEX sessions_pair ON sessions(pair, started_at)",
                """
                CREATE TABLE detection_batches(
                  session_id INTEGER NOT NULL REFERENCES sessions(id),
                  first_frame INTEGER NOT NULL, frames INTEGER NOT NULL, data BLOB NOT NULL,
                  PRIMARY KEY(session_id, first_frame)) WITHOUT ROWID""",
                """
                CREATE TABLE alerts(
                  id INTEGER PRIMARY KEY, session_id INTEGER, camera TEXT NOT NULL, kind TEXT NOT NULL,
                  severity TEXT NOT NULL, frame INTEGER NOT NULL, time_ms REAL NOT NULL, wall_time INTEGER NOT NULL,
                  cat_x REAL, cat_y REAL, rat_x REAL, rat_y REAL, acknowledged INTEGER NOT NULL DEFAULT 0)""",
                "CREATE INDEX alerts_session ON alerts(session_id)",
                """
                CREATE TABLE recordings(
                  id INTEGER PRIMARY KEY AUTOINCREMENT, session_id INTEGER, camera TEXT NOT NULL,
                  file TEXT NOT NULL, start_ms REAL NOT NULL, end_ms REAL, created_at INTEGER NOT NULL,
                  bytes INTEGER NOT NULL DEFAULT 0, deleted INTEGER NOT NULL DEFAULT 0)""",
                """
                CREATE TABLE highlights(
                  id INTEGER PRIMARY KEY AUTOINCREMENT, session_id INTEGER NOT NULL, kind TEXT NOT NULL,
                  start_ms REAL NOT NULL, end_ms REAL NOT NULL, clip TEXT, thumb TEXT, correction TEXT)""",
                """
                CREATE TABLE corrections(
                  id INTEGER PRIMARY KEY AUTOINCREMENT, highlight_id INTEGER NOT NULL, verdict TEXT NOT NULL,
                  cat_posture TEXT, rat_state TEXT, note TEXT, created_at INTEGER NOT NULL)""",
                "CREATE TABLE settings(key TEXT PRIMARY KEY, value TEXT NOT NULL)",
            });

    private Migrations() {
    }

    static int latest() {
        return STEPS.size();
    }

    static void apply(Connection c) throws SQLException {
        int version;
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("PRAGMA user_version")) {
            version = rs.next() ? rs.getInt(1) : 0;
        }
        if (version > STEPS.size()) {
            throw new SQLException("database schema v" + version + " is newer than this build (v" + STEPS.size() + ")");
        }
        for (int v = version; v < STEPS.size(); v++) {
            c.setAutoCommit(false);
            try (Statement s = c.createStatement()) {
                for (String sql : STEPS.get(v)) {
                    s.execute(sql);
                }
                s.execute("PRAGMA user_version=" + (v + 1));
                c.commit();
            } catch (SQLException e) {
                c.rollback();
                throw new SQLException("migration to v" + (v + 1) + " failed: " + e.getMessage(), e);
            } finally {
                c.setAutoCommit(true);
            }
        }
    }
}
