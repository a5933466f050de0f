package truce.alert;

import java.time.Instant;

/**
 * One raised alert, as stored and as sent to clients. {@code frame} and {@code timeMs} are relative to the
 * session's start (the session's per-frame CSV), or to the camera's stream when no session is live.
 */
public record Alert(long id, Long sessionId, String camera, AlertKind kind, Severity severity,
                    long frame, double timeMs, Instant wallTime, Point cat, Point rat, boolean acknowledged) {

    public Alert withId(long newId) {
        return new Alert(newId, sessionId, camera, kind, severity, frame, timeMs, wallTime, cat, rat, acknowledged);
    }

    public Alert acknowledge() {
        return new Alert(id, sessionId, camera, kind, severity, frame, timeMs, wallTime, cat, rat, true);
    }
}
