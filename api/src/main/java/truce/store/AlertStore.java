package truce.store;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import truce.alert.Alert;
import truce.alert.AlertKind;
import truce.alert.Point;

/** Alerts, numbered here before they are delivered so a client can acknowledge what it was sent. */
public final class AlertStore {
    private static final String COLUMNS =
            "id, session_id, camera, kind, frame, time_ms, wall_time, cat_x, cat_y, rat_x, rat_y, acknowledged";
    private final Database db;
    private final java.util.concurrent.atomic.AtomicLong nextId;

    public AlertStore(Database db) {
        this.db = db;
        long max = db.read(c -> {
            try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT COALESCE(MAX(id), 0) FROM alerts")) {
                rs.next();
                return rs.getLong(1);
            }
        });
        this.nextId = new java.util.concurrent.atomic.AtomicLong(max + 1);
    }

    /** The next id, taken before delivery (no I/O). */
    public long nextId() {
        return nextId.getAndIncrement();
    }

    public void insert(Alert a) {
        db.write(c -> {
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO alerts(" + COLUMNS
                    + ", severity) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?)")) {
                ps.setLong(1, a.id());
                if (a.sessionId() == null) {
                    ps.setNull(2, Types.INTEGER);
                } else {
                    ps.setLong(2, a.sessionId());
                }
                ps.setString(3, a.camera());
                ps.setString(4, a.kind().name());
                ps.setLong(5, a.frame());
                ps.setDouble(6, a.timeMs());
                ps.setLong(7, a.wallTime().toEpochMilli());
                setPoint(ps, 8, a.cat());
                setPoint(ps, 10, a.rat());
                ps.setInt(12, a.acknowledged() ? 1 : 0);
                ps.setString(13, a.severity().label());
                ps.executeUpdate();
            }
            return null;
        });
    }

    public Optional<Alert> acknowledge(long id) {
        int n = db.write(c -> {
            try (PreparedStatement ps = c.prepareStatement("UPDATE alerts SET acknowledged=1 WHERE id=?")) {
                ps.setLong(1, id);
                return ps.executeUpdate();
            }
        });
        return n == 0 ? Optional.empty() : get(id);
    }

    public Optional<Alert> get(long id) {
        List<Alert> l = query("WHERE id=?", id);
        return l.isEmpty() ? Optional.empty() : Optional.of(l.get(0));
    }

    public List<Alert> forSession(long sessionId) {
        return query("WHERE session_id=? ORDER BY id", sessionId);
    }

    /** Newest first. */
    public List<Alert> recent(boolean unacknowledgedOnly, long afterId, int limit) {
        return query((unacknowledgedOnly ? "WHERE acknowledged=0 AND id>?" : "WHERE id>?") + " ORDER BY id DESC LIMIT " + limit, afterId);
    }

    private List<Alert> query(String where, long arg) {
        return db.read(c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT " + COLUMNS + " FROM alerts " + where)) {
                ps.setLong(1, arg);
                List<Alert> out = new ArrayList<>();
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        AlertKind kind = AlertKind.valueOf(rs.getString(4));
                        long sid = rs.getLong(2);
                        Long sessionId = rs.wasNull() ? null : sid;
                        out.add(new Alert(rs.getLong(1), sessionId, rs.getString(3), kind, kind.severity(),
                                rs.getLong(5), rs.getDouble(6), Instant.ofEpochMilli(rs.getLong(7)),
                                point(rs, 8), point(rs, 10), rs.getInt(12) != 0));
                    }
                }
                return out;
            }
        });
    }

    private static void setPoint(PreparedStatement ps, int i, Point p) throws SQLException {
        if (p == null) {
            ps.setNull(i, Types.REAL);
            ps.setNull(i + 1, Types.REAL);
        } else {
            ps.setDouble(i, p.x());
            ps.setDouble(i + 1, p.y());
        }
    }

    private static Point point(ResultSet rs, int i) throws SQLException {
        double x = rs.getDouble(i);
        if (rs.wasNull()) {
            return null;
        }
        return new Point(x, rs.getDouble(i + 1));
    }
}
