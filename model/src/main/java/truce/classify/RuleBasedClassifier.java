package truce.classify;

import truce.behaviour.CatPosture;
import truce.behaviour.RatState;
import truce.features.AnimalFeatures;
import truce.features.FrameFeatures;

/**
 * The rule-based baseline: thresholds on the vision features, nothing learned. It labels every frame until
 * the trained model exists, and stays as the yardstick the model must beat.
 *
 * <ul>
 * <li>cat {@code lunging}: faster than {@code lungeSpeed} body lengths/s, heading within {@code lungeAngle} of
 *     the rat (or closing in fast), held for {@code lungeHoldMs} after the burst so one pounce is one run;</li>
 * <li>cat {@code stalking}: facing the rat within {@code stalkAngle}, body long and narrow (elongation at
 *     least {@code stalkElongation}), slow (under {@code stalkMaxSpeed} body lengths/s), within
 *     {@code stalkMaxDistance} cat lengths, for at least {@code stalkOnsetMs};</li>
 * <li>cat {@code calm}: anything else in view;</li>
 * <li>rat {@code hiding}: in cover, or out of sight (after entering cover);</li>
 * <li>rat {@code fleeing}: faster than {@code fleeSpeed} body lengths/s and moving away from a cat in view;</li>
 * <li>rat {@code exploring}: in the open otherwise.</li>
 * </ul>
 */
public final class RuleBasedClassifier implements BehaviourClassifier {

    /** The thresholds (angles in radians). */
    public record Thresholds(double lungeSpeed, double lungeAngle, double lungeHoldMs,
                             double stalkAngle, double stalkElongation, double stalkMaxSpeed,
                             double stalkMaxDistance, double stalkOnsetMs,
                             double fleeSpeed, double fleeAwayCos) {
        public static final Thresholds DEFAULT = new Thresholds(
                3.0, Math.toRadians(50), 250,
                Math.toRadians(35), 1.8, 1.2, 10, 500,
                2.0, 0.3);
    }

    private final Thresholds t;
    private double stalkSinceMs = Double.NaN;
    private double lungeUntilMs = Double.NEGATIVE_INFINITY;
    private boolean ratSeen;

    public RuleBasedClassifier() {
        this(Thresholds.DEFAULT);
    }

    public RuleBasedClassifier(Thresholds thresholds) {
        this.t = thresholds;
    }

    @Override
    public Labels classify(FrameFeatures f) {
        CatPosture cat = catPosture(f);
        RatState rat = ratState(f);
        return new Labels(cat, rat, oneHot(cat == null ? -1 : cat.ordinal(), 3),
                oneHot(rat == null ? -1 : rat.ordinal(), 3));
    }

    private CatPosture catPosture(FrameFeatures f) {
        AnimalFeatures c = f.cat();
        if (!c.visible()) {
            stalkSinceMs = Double.NaN;
            return null;
        }
        boolean ratKnown = !Double.isNaN(f.distance());
        boolean facing = ratKnown && f.catFacingAngle() <= t.lungeAngle();
        boolean closingFast = ratKnown && c.bodyLength() > 0
                && f.approachSpeed() / c.bodyLength() > 0.6 * t.lungeSpeed();
        if (c.speedBodyLengths() >= t.lungeSpeed() && (facing || closingFast)) {
            lungeUntilMs = f.timeMs() + t.lungeHoldMs();
        }
        if (f.timeMs() <= lungeUntilMs) {
            stalkSinceMs = Double.NaN;
            return CatPosture.LUNGING;
        }
        boolean stalkPose = ratKnown && f.rat().visible()
                && f.catFacingAngle() <= t.stalkAngle()
                && c.elongation() >= t.stalkElongation()
                && c.speedBodyLengths() <= t.stalkMaxSpeed()
                && f.distanceCatLengths() <= t.stalkMaxDistance();
        if (!stalkPose) {
            stalkSinceMs = Double.NaN;
            return CatPosture.CALM;
        }
        if (Double.isNaN(stalkSinceMs)) {
            stalkSinceMs = f.timeMs();
        }
        return f.timeMs() - stalkSinceMs >= t.stalkOnsetMs() ? CatPosture.STALKING : CatPosture.CALM;
    }

    private RatState ratState(FrameFeatures f) {
        AnimalFeatures r = f.rat();
        if (r.visible()) {
            ratSeen = true;
        }
        if (!ratSeen && Double.isNaN(r.x())) {
            return null;
        }
        if (!r.visible() || f.ratInCover()) {
            return RatState.HIDING;
        }
        AnimalFeatures c = f.cat();
        if (c.visible() && r.speedBodyLengths() >= t.fleeSpeed() && r.speed() > 0) {
            double ax = r.x() - c.x();
            double ay = r.y() - c.y();
            double norm = Math.hypot(ax, ay);
            double away = norm > 0 ? (r.vx() * ax + r.vy() * ay) / (norm * r.speed()) : 0;
            if (away >= t.fleeAwayCos()) {
                return RatState.FLEEING;
            }
        }
        return RatState.EXPLORING;
    }

    private static float[] oneHot(int index, int n) {
        float[] p = new float[n];
        if (index >= 0) {
            p[index] = 1f;
        }
        return p;
    }

    @Override
    public void reset() {
        stalkSinceMs = Double.NaN;
        lungeUntilMs = Double.NEGATIVE_INFINITY;
        ratSeen = false;
    }
}
