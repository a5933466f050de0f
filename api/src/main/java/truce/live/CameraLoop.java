package truce.live;

import java.io.IOException;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import truce.alert.AlertEngine;
import truce.alert.AlertKind;
import truce.alert.AlertSettings;
import truce.alert.Point;
import truce.classify.Labels;
import truce.features.AnimalFeatures;
import truce.features.FrameFeatures;
import truce.session.AutoSession;
import truce.session.Detection;
import truce.session.LiveSession;
import truce.session.SessionInfo;
import truce.session.SessionRules;
import truce.session.SessionService;

/**
 * The per-camera loop: pulls labelled frames from the feed, runs sessions, metrics and alerts, and feeds the
 * sinks (recording, highlights, live view). One thread per camera; a watchdog raises CAMERA_LOST when frames
 * stop, and a failed source is reopened with backoff while the session goes on.
 */
public final class CameraLoop implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(CameraLoop.class);
    private static final long FRAME_STATE_INTERVAL_NANOS = 100_000_000L; // ~10 a second per camera

    /** What GET /api/cameras shows. */
    public enum State { STARTING, LIVE, RECONNECTING, STOPPED }

    private final CameraConfig config;
    private final LiveFeed.Opener opener;
    private final SessionService sessions;
    private final LiveEvents events;
    private final List<FrameSink> sinks;
    private final AlertEngine alerts;
    private final Supplier<SessionRules> rules;
    private final AutoSession auto = new AutoSession();
    private final Object lock = new Object();
    private final AtomicLong dropped = new AtomicLong();

    private volatile State state = State.STARTING;
    private volatile boolean running = true;
    private volatile long lastFrameNanos = System.nanoTime();
    private volatile double fps;
    private double meanGapNanos;
    private Thread thread;
    private LiveSession session;
    private long lastStateNanos;
    private boolean lostRaised;
    private long lastStreamFrame = -1;
    private double lastStreamMs;
    private boolean newStream = true;
    /** After a session is stopped by hand, no automatic one starts until the pen has been empty. */
    private boolean autoStartHeld;

    public CameraLoop(CameraConfig config, LiveFeed.Opener opener, SessionService sessions, LiveEvents events,
                      List<FrameSink> sinks, AlertEngine alerts, Supplier<SessionRules> rules) {
        this.config = config;
        this.opener = opener;
        this.sessions = sessions;
        this.events = events;
        this.sinks = sinks;
        this.alerts = alerts;
        this.rules = rules;
    }

    public CameraConfig config() {
        return config;
    }

    public String id() {
        return config.id();
    }

    public String source() {
        return opener.describe();
    }

    public State state() {
        return state;
    }

    public double fps() {
        return fps;
    }

    public long droppedFrames() {
        return dropped.get();
    }

    public List<FrameSink> sinks() {
        return sinks;
    }

    public AlertEngine alerts() {
        return alerts;
    }

    /** Frames the live session has had so far (the next frame's session number); -1 without a session. */
    public long sessionFrames() {
        synchronized (lock) {
            return session == null ? -1 : session.peekFrameNumber();
        }
    }

    public Long sessionId() {
        synchronized (lock) {
            return session == null ? null : session.id();
        }
    }

    public void start() {
        thread = new Thread(this::run, "camera-" + config.id());
        thread.setDaemon(true);
        thread.start();
    }

    private void run() {
        long backoffMs = 500;
        while (running) {
            boolean ended = false;
            try (LiveFeed feed = opener.open()) {
                LOG.info("camera {}: reading {}", config.id(), opener.describe());
                synchronized (lock) {
                    newStream = true;
                }
                LiveFrame f;
                long droppedBefore = dropped.get();
                while (running && (f = feed.next()) != null) {
                    process(f);
                    dropped.set(droppedBefore + feed.droppedFrames());
                    backoffMs = 500;
                }
                ended = true;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            } catch (IOException | RuntimeException e) {
                if (!opener.live()) {
                    LOG.error("camera {}: {} is damaged ({}); every frame before the damage was analysed", config.id(),
                            opener.describe(), e.getMessage());
                    ended = true;
                } else {
                    LOG.warn("camera {}: source failed ({}); retrying in {} ms", config.id(), e.getMessage(), backoffMs);
                }
            }
            if (!running) {
                break;
            }
            if (ended) {
                endOfStream();
                if (!opener.restartsAtEnd()) {
                    state = State.STOPPED;
                    LOG.info("camera {}: end of {}", config.id(), opener.describe());
                    return;
                }
                continue;
            }
            state = State.RECONNECTING;
            try {
                Thread.sleep(backoffMs);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
            backoffMs = Math.min(backoffMs * 2, 10_000);
        }
        state = State.STOPPED;
    }

    /** The stream ended (a file ran out, the demo loops): a live session ends with it. */
    public void endOfStream() {
        synchronized (lock) {
            autoStartHeld = false;
            if (session != null) {
                finishSession();
            }
            alerts.reset();
            auto.reset();
            newStream = true;
        }
    }

    /** A driven camera's source ended for good (a remote node's file ran out). */
    public void markStopped() {
        state = State.STOPPED;
    }

    /** Processes one labelled frame. Public so tests can drive the loop with frames they build. */
    public void process(LiveFrame f) {
        long now = System.nanoTime();
        synchronized (lock) {
            long gap = now - lastFrameNanos;
            if (state == State.LIVE && gap > 0 && gap < 2_000_000_000L) {
                // Average the interval, not the rate: a jittery pace would otherwise overstate the fps.
                meanGapNanos = meanGapNanos == 0 ? gap : 0.95 * meanGapNanos + 0.05 * gap;
                fps = 1e9 / meanGapNanos;
            }
            lastFrameNanos = now;
            state = State.LIVE;
            lostRaised = false;
            FrameFeatures ff = f.features();
            Labels labels = f.labels();
            if (newStream && session != null) {
                session.newStream((Instant.now().toEpochMilli() - session.info().startedAt().toEpochMilli()));
            }
            newStream = false;

            AnimalFeatures cat = ff.cat();
            AnimalFeatures rat = ff.rat();
            boolean both = cat.visible() && rat.visible();
            SessionRules r = rules.get();
            if (autoStartHeld && !cat.visible() && !rat.visible()) {
                autoStartHeld = false;
            }
            if (session == null) {
                if (!autoStartHeld && auto.shouldStart(both, ff.timeMs(), r)) {
                    startSession(config.pair(), config.stage(), true);
                }
            } else if (session.info().auto() && auto.shouldEnd(cat.visible() || rat.visible(), ff.timeMs(), r)) {
                finishSession();
            }

            long frameNo;
            double timeMs;
            if (session != null) {
                frameNo = session.takeFrameNumber();
                timeMs = session.sessionTimeMs(ff.timeMs());
            } else {
                frameNo = ff.frame();
                timeMs = ff.timeMs();
            }
            Detection d = new Detection(frameNo, timeMs, labels.cat(), labels.rat(),
                    (float) (cat.visible() ? cat.x() : Double.NaN), (float) (cat.visible() ? cat.y() : Double.NaN),
                    (float) (rat.visible() ? rat.x() : Double.NaN), (float) (rat.visible() ? rat.y() : Double.NaN),
                    cat.visible(), rat.visible(),
                    (float) (both ? ff.distance() : Double.NaN), (float) (both ? ff.distanceCatLengths() : Double.NaN),
                    (float) (both ? ff.catFacingAngle() : Double.NaN));
            lastStreamFrame = frameNo;
            lastStreamMs = timeMs;
            Long sid = session == null ? null : session.id();
            if (session != null) {
                sessions.record(session, d);
            }
            alerts.onFrame(sid, d, f.wallTime());
            for (FrameSink s : sinks) {
                try {
                    s.frame(f, d, sid);
                } catch (RuntimeException e) {
                    LOG.warn("camera {}: {} failed on frame {}: {}", config.id(), s.getClass().getSimpleName(), frameNo, e.toString());
                }
            }
            if (now - lastStateNanos >= FRAME_STATE_INTERVAL_NANOS) {
                lastStateNanos = now;
                events.frame(new FrameState("frame", config.id(), sid, frameNo, timeMs,
                        labels.cat() == null ? null : labels.cat().label(),
                        labels.rat() == null ? null : labels.rat().label(),
                        Point.of(d.catVisible(), d.catX(), d.catY()), Point.of(d.ratVisible(), d.ratX(), d.ratY()),
                        session == null ? 0 : session.calmShare()));
            }
        }
    }

    /** Starts a session by hand; fails if one is live on this camera. */
    public SessionInfo startManual(String pair, int stage) {
        synchronized (lock) {
            if (session != null) {
                throw new IllegalStateException("camera " + config.id() + " already has live session " + session.id());
            }
            return startSession(pair, stage, false);
        }
    }

    /** Stops the live session if it is this one; returns whether it was. */
    public boolean stop(long sessionId) {
        synchronized (lock) {
            if (session == null || session.id() != sessionId) {
                return false;
            }
            finishSession();
            autoStartHeld = true;
            return true;
        }
    }

    private SessionInfo startSession(String pair, int stage, boolean isAuto) {
        String cam = config.id();
        LiveSession[] holder = new LiveSession[1];
        session = sessions.start(cam, pair, stage, isAuto,
                d -> events.cue(Cue.calmLook(cam, holder[0] == null ? null : holder[0].id(), d.timeMs())));
        holder[0] = session;
        alerts.reset();
        auto.reset();
        for (FrameSink s : sinks) {
            try {
                s.sessionStarted(session.info());
            } catch (RuntimeException e) {
                LOG.warn("camera {}: {} could not start: {}", cam, s.getClass().getSimpleName(), e.toString());
            }
        }
        events.session(session.info());
        return session.info();
    }

    private void finishSession() {
        LiveSession s = session;
        session = null;
        var metrics = s.metrics();
        SessionInfo done = sessions.finish(s);
        for (FrameSink sink : sinks) {
            try {
                sink.sessionEnded(done, metrics);
            } catch (RuntimeException e) {
                LOG.warn("camera {}: {} could not finish: {}", config.id(), sink.getClass().getSimpleName(), e.toString());
            }
        }
        auto.reset();
        events.session(done);
    }

    /** Called by the watchdog a few times a second: raises CAMERA_LOST once when frames stop. */
    public void checkStalled() {
        AlertSettings s = alerts.settings();
        long silentNanos = System.nanoTime() - lastFrameNanos;
        synchronized (lock) {
            if (state != State.LIVE && state != State.RECONNECTING || lostRaised) {
                return;
            }
            if (silentNanos >= (long) (s.cameraLostSeconds() * 1e9)) {
                lostRaised = true;
                if (state == State.LIVE) {
                    state = State.RECONNECTING;
                }
                Long sid = session == null ? null : session.id();
                alerts.raise(AlertKind.CAMERA_LOST, sid, Math.max(0, lastStreamFrame), lastStreamMs, Instant.now(), null, null);
                newStream = true;
            }
        }
    }

    @Override
    public void close() {
        if (!running) {
            return;
        }
        running = false;
        if (thread != null) {
            thread.interrupt();
            try {
                thread.join(5000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        synchronized (lock) {
            if (session != null) {
                finishSession();
            }
        }
        for (FrameSink s : sinks) {
            s.close();
        }
        state = State.STOPPED;
    }
}
