package truce.alert;

import truce.behaviour.CatPosture;
import truce.session.Detection;

/** LUNGE: on the first frame classified as lunging, no waiting. */
public final class LungeRule implements AlertRule {
    private boolean wasLunging;

    @Override
    public AlertKind kind() {
        return AlertKind.LUNGE;
    }

    @Override
    public boolean test(Detection d, AlertSettings s) {
        boolean lunging = d.cat() == CatPosture.LUNGING;
        boolean raise = lunging && !wasLunging;
        wasLunging = lunging;
        return raise;
    }

    @Override
    public void reset() {
        wasLunging = false;
    }
}
