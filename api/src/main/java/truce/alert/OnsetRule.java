package truce.alert;

import java.util.function.Predicate;
import truce.behaviour.CatPosture;
import truce.behaviour.RatState;
import truce.session.Detection;

/**
 * Raised on the first frame of a state, no waiting: LUNGE when the cat starts lunging, RAT_FLEEING when the rat
 * starts fleeing. Both alerts are the same rule over a different state, so they share this one.
 */
public final class OnsetRule implements AlertRule {
    private final AlertKind kind;
    private final Predicate<Detection> inState;
    private boolean was;

    private OnsetRule(AlertKind kind, Predicate<Detection> inState) {
        this.kind = kind;
        this.inState = inState;
    }

    /** LUNGE: on the first frame classified as lunging. */
    public static OnsetRule lunge() {
        return new OnsetRule(AlertKind.LUNGE, d -> d.cat() == CatPosture.LUNGING);
    }

    /** RAT_FLEEING: on the first frame of a flight. */
    public static OnsetRule flight() {
        return new OnsetRule(AlertKind.RAT_FLEEING, d -> d.rat() == RatState.FLEEING);
    }

    @Override
    public AlertKind kind() {
        return kind;
    }

    @Override
    public boolean test(Detection d, AlertSettings s) {
        boolean now = inState.test(d);
        boolean raise = now && !was;
        was = now;
        return raise;
    }

    @Override
    public void reset() {
        was = false;
    }
}
