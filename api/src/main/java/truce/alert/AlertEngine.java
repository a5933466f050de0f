package truce.alert;

import java.time.Instant;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import truce.session.Detection;

/**
 * Runs the frame rules of one camera and debounces each kind with its cool-down (in wall-clock time, so a
 * looping or restarted stream cannot re-raise at once). Raised alerts go to the sink with id 0; the sink
 * numbers, delivers and stores them. Not thread-safe: the camera loop owns it.
 */
public final class AlertEngine {
    private final String camera;
    private final List<AlertRule> rules = List.of(OnsetRule.lunge(), new StalkingRule(), OnsetRule.flight(), new HiddenLongRule());
    private final Map<AlertKind, Long> lastRaisedNanos = new EnumMap<>(AlertKind.class);
    private final Consumer<Alert> sink;
    private volatile AlertSettings settings;

    public AlertEngine(String camera, AlertSettings settings, Consumer<Alert> sink) {
        this.camera = camera;
        this.settings = settings;
        this.sink = sink;
    }

    public void settings(AlertSettings s) {
        this.settings = s;
    }

    public AlertSettings settings() {
        return settings;
    }

    /** Evaluates one frame; {@code sessionId} may be null. */
    public void onFrame(Long sessionId, Detection d, Instant wallTime) {
        AlertSettings s = settings;
        for (AlertRule r : rules) {
            if (r.test(d, s)) {
                raise(r.kind(), sessionId, d.frame(), d.timeMs(), wallTime,
                        Point.of(d.catVisible(), d.catX(), d.catY()), Point.of(d.ratVisible(), d.ratX(), d.ratY()));
            }
        }
    }

    /** Raises a kind unless it is cooling down; returns whether it was raised. */
    public boolean raise(AlertKind kind, Long sessionId, long frame, double timeMs, Instant wallTime, Point cat, Point rat) {
        long now = System.nanoTime();
        Long last = lastRaisedNanos.get(kind);
        if (last != null && now - last < (long) (settings.cooldownSeconds(kind) * 1e9)) {
            return false;
        }
        lastRaisedNanos.put(kind, now);
        sink.accept(new Alert(0, sessionId, camera, kind, kind.severity(), frame, timeMs, wallTime, cat, rat, false));
        return true;
    }

    /** A new session or a gap: run state restarts (cool-downs stay). */
    public void reset() {
        for (AlertRule r : rules) {
            r.reset();
        }
    }
}
