package truce.store;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import truce.session.Detection;
import truce.session.SessionInfo;

/** Sessions and their stored detections. */
public final class SessionStore {
    private static final String COLUMNS = "id, camera, pair, stage, started_at, ended_at, calm_score, lunges, auto";
    private final Database db;

    public SessionStore(Database db) {
        this.db = db;
    }

    public SessionInfo create(String camera, String pair, int stage, Instant startedAt, boolean auto) {
        return db.write(c -> {
            try (PreparedStatement ps = c.prepareStatement(
                    "INSERT INTO sessions(camera, pair, stage, started_at, auto) VALUES (?,?,?,?,?)",
                    Statement.RETURN_GENERATED_KEYS)) {
                ps.setString(1, camera);
                ps.setString(2, pair);
                ps.setInt(3, stage);
                ps.setLong(4, startedAt.toEpochMilli());
                ps.setInt(5, auto ? 1 : 0);
                ps.executeUpdate();
                try (ResultSet k = ps.getGeneratedKeys()) {
                    k.next();
                    return new SessionInfo(k.getLong(1), camera, pair, stage, startedAt, null, 0, null, null, true, auto);
                }
            }
        });
    }

    /** Marks a session ended with its final metrics (JSON) and headline figures. */
    public void finish(long id, Instant endedAt, String metricsJson, int calmScore, int lunges) {
        db.write(c -> {
            try (PreparedStatement ps = c.prepareStatement(
                    "UPDATE sessions SET ended_at=?, metrics=?, calm_score=?, lunges=? WHERE id=?")) {
                ps.setLong(1, endedAt.toEpochMilli());
                ps.setString(2, metricsJson);
                ps.setInt(3, calmScore);
                ps.setInt(4, lunges);
                ps.setLong(5, id);
                ps.executeUpdate();
            }
            return null;
        });
    }

    /**
     * Re-tags a session with the pair and stage it really was (automatic sessions take the camera's defaults, so
     * an unattended recording may be filed under "unnamed" until someone says who was in the pen).
     *
     * @return false when there is no such session
     */
    public boolean retag(long id, String pair, int stage) {
        return db.write(c -> {
            try (PreparedStatement ps = c.prepareStatement("UPDATE sessions SET pair=?, stage=? WHERE id=?")) {
                ps.setString(1, pair);
                ps.setInt(2, stage);
                ps.setLong(3, id);
                return ps.executeUpdate() == 1;
            }
        });
    }

    public Optional<SessionInfo> get(long id) {
        return db.read(c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT " + COLUMNS + " FROM sessions WHERE id=?")) {
                ps.setLong(1, id);
                try (ResultSet rs = ps.executeQuery()) {
                    return rs.next() ? Optional.of(row(rs)) : Optional.empty();
                }
            }
        });
    }

    public Optional<String> metricsJson(long id) {
        return db.read(c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT metrics FROM sessions WHERE id=?")) {
                ps.setLong(1, id);
                try (ResultSet rs = ps.executeQuery()) {
                    return rs.next() ? Optional.ofNullable(rs.getString(1)) : Optional.empty();
                }
            }
        });
    }

    /** Newest first; {@code pair} null for all. */
    public List<SessionInfo> list(String pair, int limit) {
        return db.read(c -> {
            String sql = "SELECT " + COLUMNS + " FROM sessions" + (pair == null ? "" : " WHERE pair=?")
                    + " ORDER BY started_at DESC, id DESC LIMIT ?";
            try (PreparedStatement ps = c.prepareStatement(sql)) {
                int i = 1;
                if (pair != null) {
                    ps.setString(i++, pair);
                }
                ps.setInt(i, limit);
                List<SessionInfo> out = new ArrayList<>();
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        out.add(row(rs));
                    }
                }
                return out;
            }
        });
    }

    public List<String> pairs() {
        return db.read(c -> {
            List<String> out = new ArrayList<>();
            try (Statement s = c.createStatement();
                 ResultSet rs = s.executeQuery("SELECT DISTINCT pair FROM sessions ORDER BY pair")) {
                while (rs.next()) {
                    out.add(rs.getString(1));
                }
            }
            return out;
        });
    }

    /** Sessions a crash left open. */
    public List<SessionInfo> unfinished() {
        return db.read(c -> {
            List<SessionInfo> out = new ArrayList<>();
            try (Statement s = c.createStatement();
                 ResultSet rs = s.executeQuery("SELECT " + COLUMNS + " FROM sessions WHERE ended_at IS NULL")) {
                while (rs.next()) {
                    out.add(row(rs));
                }
            }
            return out;
        });
    }

    /** Streams a session's stored detections in frame order. */
    public void detections(long sessionId, Consumer<Detection> out) {
        db.read(c -> {
            try (PreparedStatement ps = c.prepareStatement(
                    "SELECT data FROM detection_batches WHERE session_id=? ORDER BY first_frame")) {
                ps.setLong(1, sessionId);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        DetectionCodec.decode(rs.getBytes(1), out);
                    }
                }
            }
            return null;
        });
    }

    public List<Detection> detections(long sessionId) {
        List<Detection> all = new ArrayList<>();
        detections(sessionId, all::add);
        return all;
    }

    private static SessionInfo row(ResultSet rs) throws SQLException {
        Instant started = Instant.ofEpochMilli(rs.getLong(5));
        long endedMs = rs.getLong(6);
        Instant ended = rs.wasNull() ? null : Instant.ofEpochMilli(endedMs);
        int score = rs.getInt(7);
        Integer calmScore = rs.wasNull() ? null : score;
        int l = rs.getInt(8);
        Integer lunges = rs.wasNull() ? null : l;
        double duration = ((ended == null ? Instant.now() : ended).toEpochMilli() - started.toEpochMilli()) / 1000.0;
        return new SessionInfo(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getInt(4), started, ended,
                Math.round(duration * 10) / 10.0, calmScore, lunges, ended == null, rs.getInt(9) != 0);
    }
}
