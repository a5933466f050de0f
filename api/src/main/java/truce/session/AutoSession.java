package truce.session;

/** Decides, frame by frame, when to start and end automatic sessions (see {@link SessionRules}). */
public final class AutoSession {
    private double bothSinceMs = Double.NaN;
    private double quietSinceMs = Double.NaN;

    /** True when a session should start now (none is live). */
    public boolean shouldStart(boolean bothVisible, double streamMs, SessionRules rules) {
        quietSinceMs = Double.NaN;
        if (!bothVisible) {
            bothSinceMs = Double.NaN;
            return false;
        }
        if (Double.isNaN(bothSinceMs) || streamMs < bothSinceMs) { // a restarted stream's clock starts over
            bothSinceMs = streamMs;
        }
        return streamMs - bothSinceMs >= rules.startSeconds() * 1000.0;
    }

    /** True when the live automatic session should end now. */
    public boolean shouldEnd(boolean anyVisible, double streamMs, SessionRules rules) {
        bothSinceMs = Double.NaN;
        if (anyVisible) {
            quietSinceMs = Double.NaN;
            return false;
        }
        if (Double.isNaN(quietSinceMs) || streamMs < quietSinceMs) {
            quietSinceMs = streamMs;
        }
        return streamMs - quietSinceMs >= rules.quietSeconds() * 1000.0;
    }

    public void reset() {
        bothSinceMs = Double.NaN;
        quietSinceMs = Double.NaN;
    }
}
