package truce.alert;

import truce.behaviour.RatState;
import truce.session.Detection;

/** RAT_FLEEING: on the first frame of a flight. */
public final class FleeingRule implements AlertRule {
    private boolean wasFleeing;

    @Override
    public AlertKind kind() {
        return AlertKind.RAT_FLEEING;
    }

    @Override
    public boolean test(Detection d, AlertSettings s) {
        boolean fleeing = d.rat() == RatState.FLEEING;
        boolean raise = fleeing && !wasFleeing;
        wasFleeing = fleeing;
        return raise;
    }

    @Override
    public void reset() {
        wasFleeing = false;
    }
}
