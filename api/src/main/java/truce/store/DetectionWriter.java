package truce.store;

import java.sql.PreparedStatement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import truce.session.Detection;

/**
 * Buffers each session's detections in memory and writes them as packed batches, one transaction for all
 * sessions, every {@code flushMillis} (500 ms by default): a crash loses at most the last half second or so,
 * and the pipeline thread never waits on the disk.
 */
public final class DetectionWriter implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(DetectionWriter.class);

    private final Database db;
    private final ScheduledExecutorService flusher;
    private Map<Long, List<Detection>> pending = new HashMap<>();
    private volatile String lastError;

    public DetectionWriter(Database db, long flushMillis) {
        this.db = db;
        this.flusher = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "detection-flush");
            t.setDaemon(true);
            return t;
        });
        flusher.scheduleWithFixedDelay(this::flushQuietly, flushMillis, flushMillis, TimeUnit.MILLISECONDS);
    }

    /** Called on the pipeline thread: no I/O. */
    public synchronized void append(long sessionId, Detection d) {
        pending.computeIfAbsent(sessionId, k -> new ArrayList<>(64)).add(d);
    }

    /** Writes everything buffered so far (also called when a session stops). */
    public void flush() {
        Map<Long, List<Detection>> batch;
        synchronized (this) {
            if (pending.isEmpty()) {
                return;
            }
            batch = pending;
            pending = new HashMap<>();
        }
        try {
            writeBatch(batch);
        } catch (RuntimeException e) {
            // Keep them for the next attempt (a full disk may clear), in frame order.
            synchronized (this) {
                for (Map.Entry<Long, List<Detection>> e2 : pending.entrySet()) {
                    batch.computeIfAbsent(e2.getKey(), k -> new ArrayList<>()).addAll(e2.getValue());
                }
                pending = batch;
            }
            throw e;
        }
    }

    private void writeBatch(Map<Long, List<Detection>> batch) {
        db.write(c -> {
            try (PreparedStatement ps = c.prepareStatement(
                    "INSERT OR REPLACE INTO detection_batches(session_id, first_frame, frames, data) VALUES (?,?,?,?)")) {
                for (Map.Entry<Long, List<Detection>> e : batch.entrySet()) {
                    List<Detection> ds = e.getValue();
                    ps.setLong(1, e.getKey());
                    ps.setLong(2, ds.get(0).frame());
                    ps.setInt(3, ds.size());
                    ps.setBytes(4, DetectionCodec.encode(ds));
                    ps.addBatch();
                }
                ps.executeBatch();
            }
            return null;
        });
    }

    private void flushQuietly() {
        try {
            flush();
            lastError = null;
        } catch (RuntimeException e) {
            if (!String.valueOf(e.getMessage()).equals(lastError)) {
                LOG.error("could not store detections (will retry): {}", e.getMessage());
            }
            lastError = String.valueOf(e.getMessage());
        }
    }

    @Override
    public void close() {
        flusher.shutdown();
        try {
            flusher.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        flushQuietly();
    }
}
