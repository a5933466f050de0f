package truce.session;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import truce.metrics.CalmMetrics;
import truce.metrics.MetricsAccumulator;
import truce.store.DetectionWriter;
import truce.store.SessionStore;

/** Starts and finishes sessions, stores their detections, and answers for their metrics live or final. */
public final class SessionService {
    private static final Logger LOG = LoggerFactory.getLogger(SessionService.class);

    private final SessionStore store;
    private final DetectionWriter writer;
    private final ObjectMapper json;
    private final Map<Long, LiveSession> live = new ConcurrentHashMap<>();

    public SessionService(SessionStore store, DetectionWriter writer, ObjectMapper json) {
        this.store = store;
        this.writer = writer;
        this.json = json;
    }

    public SessionStore store() {
        return store;
    }

    public LiveSession start(String camera, String pair, int stage, boolean auto, MetricsAccumulator.CalmLookListener l) {
        SessionInfo info = store.create(camera, pair, stage, Instant.now(), auto);
        LiveSession s = new LiveSession(info, l);
        live.put(info.id(), s);
        LOG.info("session {} started on {} ({}, stage {}, {})", info.id(), camera, pair, stage, auto ? "automatic" : "manual");
        return s;
    }

    /** Records one frame of a live session (no I/O on the caller's thread). */
    public void record(LiveSession s, Detection d) {
        s.add(d);
        writer.append(s.id(), d);
    }

    /** Ends a live session: flushes its detections and stores its final metrics. */
    public SessionInfo finish(LiveSession s) {
        live.remove(s.id());
        CalmMetrics m = s.metrics();
        try {
            writer.flush();
        } catch (RuntimeException e) {
            LOG.error("session {}: could not flush detections: {}", s.id(), e.getMessage());
        }
        Instant end = Instant.now();
        store.finish(s.id(), end, toJson(m), m.calmScore(), m.lungeCount());
        LOG.info("session {} ended: calm score {}, {} lunges", s.id(), m.calmScore(), m.lungeCount());
        return store.get(s.id()).orElseThrow();
    }

    public Optional<LiveSession> live(long id) {
        return Optional.ofNullable(live.get(id));
    }

    /** Live sessions' headline figures are filled from memory. */
    public SessionInfo withLiveFigures(SessionInfo info) {
        LiveSession s = live.get(info.id());
        if (s == null) {
            return info;
        }
        CalmMetrics m = s.metrics();
        return new SessionInfo(info.id(), info.camera(), info.pair(), info.stage(), info.startedAt(), null,
                info.durationS(), m.calmScore(), m.lungeCount(), true, info.auto());
    }

    /** The metrics of a session: live, stored final, or recomputed from its detections. */
    public Optional<CalmMetrics> metrics(long id) {
        LiveSession s = live.get(id);
        if (s != null) {
            return Optional.of(s.metrics());
        }
        Optional<String> stored = store.metricsJson(id);
        if (stored.isPresent()) {
            try {
                return Optional.of(json.readValue(stored.get(), CalmMetrics.class));
            } catch (JsonProcessingException e) {
                LOG.warn("session {}: stored metrics unreadable, recomputing: {}", id, e.getMessage());
            }
        }
        if (store.get(id).isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(recompute(id));
    }

    public CalmMetrics recompute(long id) {
        MetricsAccumulator acc = new MetricsAccumulator();
        store.detections(id, acc::add);
        return acc.snapshot();
    }

    /**
     * Closes sessions a crash left open: each ends at its last stored frame, with metrics recomputed from what
     * was stored.
     */
    public int recoverUnfinished() {
        List<SessionInfo> open = store.unfinished();
        for (SessionInfo info : open) {
            double[] lastMs = {0};
            MetricsAccumulator acc = new MetricsAccumulator();
            store.detections(info.id(), d -> {
                acc.add(d);
                lastMs[0] = d.timeMs();
            });
            CalmMetrics m = acc.snapshot();
            store.finish(info.id(), info.startedAt().plusMillis((long) lastMs[0]), toJson(m), m.calmScore(), m.lungeCount());
            LOG.info("session {} was left open by a crash; closed at {} s with what was stored", info.id(), lastMs[0] / 1000.0);
        }
        return open.size();
    }

    private String toJson(CalmMetrics m) {
        try {
            return json.writeValueAsString(m);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
