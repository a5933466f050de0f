package truce.features;

import truce.track.IdentityTracker;
import truce.track.Track;

/**
 * Stage "features": turns the two tracks into {@link FrameFeatures}, smoothing over past frames only.
 * Velocity and acceleration are exponentially smoothed with time constants in milliseconds (so they mean
 * the same at any frame rate); body length and width are smoothed more slowly, and speeds in body lengths
 * use a reference length that follows the animal's stretched-out size, so a cat curling up does not look fast.
 * Heading is the long axis, pointed the way the animal moves, or kept near the last heading when it is still.
 */
public final class FeatureExtractor {
    private static final double VELOCITY_TAU_MS = 100;
    private static final double ACCEL_TAU_MS = 150;
    private static final double SHAPE_TAU_MS = 300;

    private final Smoother catS = new Smoother();
    private final Smoother ratS = new Smoother();
    private double lastDistance = Double.NaN;
    private double approach;
    private double lastMs = Double.NaN;

    /** Per-animal smoothing state. */
    private static final class Smoother {
        boolean has;
        double x;
        double y;
        double vx;
        double vy;
        double speed;
        double accel;
        double heading;
        boolean headingSet;
        double length;
        double width;
        double refLength;

        void reset() {
            has = false;
            headingSet = false;
            vx = 0;
            vy = 0;
            speed = 0;
            accel = 0;
            refLength = 0;
        }
    }

    public void reset() {
        catS.reset();
        ratS.reset();
        lastDistance = Double.NaN;
        approach = 0;
        lastMs = Double.NaN;
    }

    public FrameFeatures extract(long frame, double timeMs, IdentityTracker tracker) {
        double dtMs = Double.isNaN(lastMs) || timeMs <= lastMs ? 1000 / 30.0 : timeMs - lastMs;
        lastMs = timeMs;
        AnimalFeatures cat = animal(tracker.cat(), catS, dtMs);
        AnimalFeatures rat = animal(tracker.rat(), ratS, dtMs);
        double distance = Double.NaN;
        double distanceCat = Double.NaN;
        double facing = Double.NaN;
        if (!Double.isNaN(cat.x()) && !Double.isNaN(rat.x())) {
            double dx = rat.x() - cat.x();
            double dy = rat.y() - cat.y();
            distance = Math.hypot(dx, dy);
            distanceCat = catS.refLength > 0 ? distance / catS.refLength : Double.NaN;
            double bearing = Math.atan2(dy, dx);
            facing = Math.abs(wrap(bearing - cat.heading()));
        }
        if (!Double.isNaN(distance) && !Double.isNaN(lastDistance) && cat.visible()) {
            double raw = -(distance - lastDistance) / (dtMs / 1000);
            approach += alpha(dtMs, VELOCITY_TAU_MS) * (raw - approach);
        } else {
            approach = 0;
        }
        lastDistance = distance;
        return new FrameFeatures(frame, timeMs, cat, rat, distance, distanceCat, approach, facing,
                tracker.rat().everSeen() && tracker.rat().inCover());
    }

    private static double alpha(double dtMs, double tauMs) {
        return 1 - Math.exp(-dtMs / tauMs);
    }

    private AnimalFeatures animal(Track t, Smoother s, double dtMs) {
        if (!t.everSeen()) {
            return AnimalFeatures.NEVER_SEEN;
        }
        if (!t.visible()) {
            s.has = false;
            s.vx = 0;
            s.vy = 0;
            s.speed = 0;
            s.accel = 0;
            double len = s.length > 0 ? s.length : t.length();
            double wid = s.width > 0 ? s.width : t.width();
            return new AnimalFeatures(false, t.x(), t.y(), 0, 0, 0, 0, 0, s.heading, len, wid,
                    wid > 0 ? len / wid : 0, t.area(), t.framesUnseen());
        }
        double dt = dtMs / 1000;
        double av = alpha(dtMs, VELOCITY_TAU_MS);
        if (s.has) {
            s.vx += av * ((t.x() - s.x) / dt - s.vx);
            s.vy += av * ((t.y() - s.y) / dt - s.vy);
        }
        s.x = t.x();
        s.y = t.y();
        double speed = Math.hypot(s.vx, s.vy);
        double rawAccel = s.has ? (speed - s.speed) / dt : 0;
        s.accel += alpha(dtMs, ACCEL_TAU_MS) * (rawAccel - s.accel);
        s.speed = speed;
        s.has = true;

        double as = alpha(dtMs, SHAPE_TAU_MS);
        if (s.length <= 0 || t.inContact()) {
            s.length = s.length <= 0 ? t.length() : s.length;
            s.width = s.width <= 0 ? t.width() : s.width;
        } else {
            s.length += as * (t.length() - s.length);
            s.width += as * (t.width() - s.width);
        }
        // The reference length rises at once to a longer body and relaxes slowly (about 1 %/s).
        s.refLength = Math.max(s.length, s.refLength * Math.exp(-dtMs / 100_000));

        double axis = t.axis();
        double dir;
        if (speed > 0.5 * s.refLength && speed > 1e-6) {
            dir = Math.atan2(s.vy, s.vx);
        } else if (s.headingSet) {
            dir = s.heading;
        } else {
            dir = axis;
        }
        // Point the axis the way the animal moves (or faced before).
        double h1 = axis;
        double h2 = axis + Math.PI;
        s.heading = Math.abs(wrap(h1 - dir)) <= Math.abs(wrap(h2 - dir)) ? wrap(h1) : wrap(h2);
        s.headingSet = true;

        double bl = s.refLength > 0 ? speed / s.refLength : 0;
        return new AnimalFeatures(true, t.x(), t.y(), s.vx, s.vy, speed, bl, s.accel, s.heading,
                s.length, s.width, s.width > 0 ? s.length / s.width : 0, t.area(), 0);
    }

    /** Wraps an angle into (-pi, pi]. */
    static double wrap(double a) {
        double r = a % (2 * Math.PI);
        if (r > Math.PI) {
            r -= 2 * Math.PI;
        } else if (r <= -Math.PI) {
            r += 2 * Math.PI;
        }
        return r;
    }
}
