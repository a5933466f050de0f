package truce.alert;

import truce.session.Detection;

/**
 * One of product.md's behaviour alerts, evaluated frame by frame in order. Returns true on the frame that
 * raises it; the engine then applies the kind's cool-down. One instance per camera (they keep run state).
 * CAMERA_LOST is not a frame rule (there is no frame): the camera loop's watchdog raises it.
 */
public sealed interface AlertRule permits OnsetRule, StalkingRule, HiddenLongRule {

    AlertKind kind();

    boolean test(Detection d, AlertSettings s);

    /** Forgets run state (a new session or a gap in the stream). */
    void reset();
}
