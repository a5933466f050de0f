package truce.alert;

import truce.behaviour.CatPosture;
import truce.session.Detection;

/**
 * STALKING: the cat has been stalking for {@code stalkingSeconds} without a break, or is stalking within
 * {@code stalkingCatLengths} cat body lengths of the rat. Raised at most once per unbroken stalking run.
 */
public final class StalkingRule implements AlertRule {
    private double runStartMs = Double.NaN;
    private boolean raisedThisRun;

    @Override
    public AlertKind kind() {
        return AlertKind.STALKING;
    }

    @Override
    public boolean test(Detection d, AlertSettings s) {
        if (d.cat() != CatPosture.STALKING) {
            runStartMs = Double.NaN;
            raisedThisRun = false;
            return false;
        }
        if (Double.isNaN(runStartMs)) {
            runStartMs = d.timeMs();
        }
        if (raisedThisRun) {
            return false;
        }
        boolean longEnough = d.timeMs() - runStartMs >= s.stalkingSeconds() * 1000.0;
        boolean close = d.distanceCatLengths() <= s.stalkingCatLengths(); // false for NaN
        raisedThisRun = longEnough || close;
        return raisedThisRun;
    }

    @Override
    public void reset() {
        runStartMs = Double.NaN;
        raisedThisRun = false;
    }
}
