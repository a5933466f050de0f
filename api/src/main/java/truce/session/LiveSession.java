package truce.session;

import truce.metrics.CalmMetrics;
import truce.metrics.MetricsAccumulator;

/**
 * A session in progress: its row, its live metrics, and the mapping of stream frames to session frames.
 * The camera loop feeds it; the API reads its metrics (hence the lock).
 */
public final class LiveSession {
    private final SessionInfo info;
    private final MetricsAccumulator metrics;
    private long nextFrame;
    private double baseSessionMs;
    private double baseMediaMs = Double.NaN;

    LiveSession(SessionInfo info, MetricsAccumulator.CalmLookListener listener) {
        this.info = info;
        this.metrics = new MetricsAccumulator(listener);
    }

    public SessionInfo info() {
        return info;
    }

    public long id() {
        return info.id();
    }

    /**
     * Re-bases session time on a new stream (after a reconnect): the session clock jumps by the wall-clock
     * gap, so the gap shows on the timeline instead of frames being piled together.
     */
    public void newStream(double sessionMsNow) {
        baseSessionMs = sessionMsNow;
        baseMediaMs = Double.NaN;
    }

    /** Session-relative time of a frame with this media time. */
    public double sessionTimeMs(double mediaMs) {
        if (Double.isNaN(baseMediaMs)) {
            baseMediaMs = mediaMs;
        }
        return baseSessionMs + (mediaMs - baseMediaMs);
    }

    public long peekFrameNumber() {
        return nextFrame;
    }

    public long takeFrameNumber() {
        return nextFrame++;
    }

    public synchronized void add(Detection d) {
        metrics.add(d);
    }

    public synchronized CalmMetrics metrics() {
        return metrics.snapshot();
    }

    public synchronized double calmShare() {
        return metrics.calmShare();
    }
}
