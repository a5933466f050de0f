package truce.alert;

import truce.behaviour.RatState;
import truce.session.Detection;

/** RAT_HIDDEN_LONG: the rat has been hiding for more than {@code hiddenLongSeconds}; once per hiding run. */
public final class HiddenLongRule implements AlertRule {
    private double runStartMs = Double.NaN;
    private boolean raisedThisRun;

    @Override
    public AlertKind kind() {
        return AlertKind.RAT_HIDDEN_LONG;
    }

    @Override
    public boolean test(Detection d, AlertSettings s) {
        if (d.rat() != RatState.HIDING) {
            runStartMs = Double.NaN;
            raisedThisRun = false;
            return false;
        }
        if (Double.isNaN(runStartMs)) {
            runStartMs = d.timeMs();
        }
        if (!raisedThisRun && d.timeMs() - runStartMs > s.hiddenLongSeconds() * 1000.0) {
            raisedThisRun = true;
            return true;
        }
        return false;
    }

    @Override
    public void reset() {
        runStartMs = Double.NaN;
        raisedThisRun = false;
    }
}
