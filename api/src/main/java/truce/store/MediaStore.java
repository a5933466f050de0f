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

/**
 * Recorded segments, highlights and reviewers' corrections. Files are stored by a path relative to the data
 * directory that the service chose; requests only ever name them by id.
 */
public final class MediaStore {
    private final Database db;

    public MediaStore(Database db) {
        this.db = db;
    }

    public record Segment(long id, Long sessionId, String camera, String file, double startMs, Double endMs,
                          Instant createdAt, long bytes) {
    }

    public record Highlight(long id, long sessionId, String kind, double startMs, double endMs, String clip,
                            String thumb, String correction) {
    }

    public record Correction(long id, long highlightId, String verdict, String catPosture, String ratState,
                             String note, Instant createdAt) {
    }

    public long addSegment(Long sessionId, String camera, String file, double startMs) {
        return db.write(c -> {
            try (PreparedStatement ps = c.prepareStatement(
                    "INSERT INTO recordings(session_id, camera, file, start_ms, created_at) VALUES (?,?,?,?,?)",
                    Statement.RETURN_GENERATED_KEYS)) {
                if (sessionId == null) {
                    ps.setNull(1, Types.INTEGER);
                } else {
                    ps.setLong(1, sessionId);
                }
                ps.setString(2, camera);
                ps.setString(3, file);
                ps.setDouble(4, startMs);
                ps.setLong(5, System.currentTimeMillis());
                ps.executeUpdate();
                try (ResultSet k = ps.getGeneratedKeys()) {
                    k.next();
                    return k.getLong(1);
                }
            }
        });
    }

    /** Marks a segment finished; {@code endMs} null when unknown (it failed). */
    public void endSegment(long id, Double endMs, long bytes) {
        db.write(c -> {
            try (PreparedStatement ps = c.prepareStatement("UPDATE recordings SET end_ms=?, bytes=? WHERE id=?")) {
                if (endMs == null) {
                    ps.setNull(1, Types.REAL);
                } else {
                    ps.setDouble(1, endMs);
                }
                ps.setLong(2, bytes);
                ps.setLong(3, id);
                ps.executeUpdate();
            }
            return null;
        });
    }

    public void markSegmentDeleted(long id) {
        db.write(c -> {
            try (PreparedStatement ps = c.prepareStatement("UPDATE recordings SET deleted=1 WHERE id=?")) {
                ps.setLong(1, id);
                ps.executeUpdate();
            }
            return null;
        });
    }

    private static final String SEG = "SELECT id, session_id, camera, file, start_ms, end_ms, created_at, bytes FROM recordings ";

    public List<Segment> segments(long sessionId) {
        return segments(SEG + "WHERE deleted=0 AND session_id=? ORDER BY id", sessionId);
    }

    /** Every kept segment, oldest first (for retention). */
    public List<Segment> allSegments() {
        return segments(SEG + "WHERE deleted=0 AND ?=? ORDER BY id", 0);
    }

    public Optional<Segment> segment(long id) {
        List<Segment> l = segments(SEG + "WHERE deleted=0 AND id=?", id);
        return l.isEmpty() ? Optional.empty() : Optional.of(l.get(0));
    }

    /** Segments a crash left open. */
    public List<Segment> openSegments() {
        return segments(SEG + "WHERE deleted=0 AND end_ms IS NULL AND ?=?", 0);
    }

    private List<Segment> segments(String sql, long arg) {
        return db.read(c -> {
            try (PreparedStatement ps = c.prepareStatement(sql)) {
                ps.setLong(1, arg);
                if (sql.contains("?=?")) {
                    ps.setLong(2, arg);
                }
                List<Segment> out = new ArrayList<>();
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        long sid = rs.getLong(2);
                        Long sessionId = rs.wasNull() ? null : sid;
                        double end = rs.getDouble(6);
                        Double endMs = rs.wasNull() ? null : end;
                        out.add(new Segment(rs.getLong(1), sessionId, rs.getString(3), rs.getString(4), rs.getDouble(5),
                                endMs, Instant.ofEpochMilli(rs.getLong(7)), rs.getLong(8)));
                    }
                }
                return out;
            }
        });
    }

    public long addHighlight(long sessionId, String kind, double startMs, double endMs) {
        return db.write(c -> {
            try (PreparedStatement ps = c.prepareStatement(
                    "INSERT INTO highlights(session_id, kind, start_ms, end_ms) VALUES (?,?,?,?)",
                    Statement.RETURN_GENERATED_KEYS)) {
                ps.setLong(1, sessionId);
                ps.setString(2, kind);
                ps.setDouble(3, startMs);
                ps.setDouble(4, endMs);
                ps.executeUpdate();
                try (ResultSet k = ps.getGeneratedKeys()) {
                    k.next();
                    return k.getLong(1);
                }
            }
        });
    }

    public void setHighlightFiles(long id, String clip, String thumb) {
        db.write(c -> {
            try (PreparedStatement ps = c.prepareStatement("UPDATE highlights SET clip=?, thumb=? WHERE id=?")) {
                ps.setString(1, clip);
                ps.setString(2, thumb);
                ps.setLong(3, id);
                ps.executeUpdate();
            }
            return null;
        });
    }

    public void deleteHighlight(long id) {
        db.write(c -> {
            try (PreparedStatement ps = c.prepareStatement("DELETE FROM highlights WHERE id=?")) {
                ps.setLong(1, id);
                ps.executeUpdate();
            }
            return null;
        });
    }

    private static final String HL = "SELECT id, session_id, kind, start_ms, end_ms, clip, thumb, correction FROM highlights ";

    public List<Highlight> highlights(long sessionId) {
        return highlights(HL + "WHERE session_id=? ORDER BY start_ms, id", sessionId);
    }

    public Optional<Highlight> highlight(long id) {
        List<Highlight> l = highlights(HL + "WHERE id=?", id);
        return l.isEmpty() ? Optional.empty() : Optional.of(l.get(0));
    }

    private List<Highlight> highlights(String sql, long arg) {
        return db.read(c -> {
            try (PreparedStatement ps = c.prepareStatement(sql)) {
                ps.setLong(1, arg);
                List<Highlight> out = new ArrayList<>();
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        out.add(new Highlight(rs.getLong(1), rs.getLong(2), rs.getString(3), rs.getDouble(4),
                                rs.getDouble(5), rs.getString(6), rs.getString(7), rs.getString(8)));
                    }
                }
                return out;
            }
        });
    }

    public Correction addCorrection(long highlightId, String verdict, String catPosture, String ratState, String note) {
        Instant now = Instant.now();
        long id = db.write(c -> {
            try (PreparedStatement ps = c.prepareStatement(
                    "INSERT INTO corrections(highlight_id, verdict, cat_posture, rat_state, note, created_at) VALUES (?,?,?,?,?,?)",
                    Statement.RETURN_GENERATED_KEYS)) {
                ps.setLong(1, highlightId);
                ps.setString(2, verdict);
                ps.setString(3, catPosture);
                ps.setString(4, ratState);
                ps.setString(5, note);
                ps.setLong(6, now.toEpochMilli());
                ps.executeUpdate();
                long newId;
                try (ResultSet k = ps.getGeneratedKeys()) {
                    k.next();
                    newId = k.getLong(1);
                }
                try (PreparedStatement up = c.prepareStatement("UPDATE highlights SET correction=? WHERE id=?")) {
                    up.setString(1, verdict);
                    up.setLong(2, highlightId);
                    up.executeUpdate();
                }
                return newId;
            }
        });
        return new Correction(id, highlightId, verdict, catPosture, ratState, note, now);
    }

    public List<Correction> corrections() {
        return db.read(c -> {
            List<Correction> out = new ArrayList<>();
            try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(
                    "SELECT id, highlight_id, verdict, cat_posture, rat_state, note, created_at FROM corrections ORDER BY id")) {
                while (rs.next()) {
                    out.add(new Correction(rs.getLong(1), rs.getLong(2), rs.getString(3), rs.getString(4),
                            rs.getString(5), rs.getString(6), Instant.ofEpochMilli(rs.getLong(7))));
                }
            }
            return out;
        });
    }
}
