package truce.classify.training;

import truce.features.AnimalFeatures;
import truce.features.FrameFeatures;

/**
 * The pair's part of a frame (distance, the cat's facing angle to the rat, approach speed) for features built from
 * a scene's truth rather than by the vision pipeline. One per scene: it remembers the last distance.
 */
final class PairRelation {
    private double lastDistance = Double.NaN;
    private double approach;

    FrameFeatures frame(long frame, double timeMs, double dt, AnimalFeatures c, AnimalFeatures a, boolean ratInCover) {
        double distance = Math.hypot(a.x() - c.x(), a.y() - c.y());
        double facing = Double.NaN;
        if (!Double.isNaN(distance) && distance > 1e-6) {
            facing = facing(c.x(), c.y(), c.heading(), a.x(), a.y());
            if (!Double.isNaN(lastDistance)) {
                approach = 0.5 * approach + 0.5 * (lastDistance - distance) / dt;
            }
        }
        lastDistance = distance;
        return new FrameFeatures(frame, timeMs, c, a, distance,
                c.bodyLength() > 0 ? distance / c.bodyLength() : Double.NaN,
                Double.isNaN(distance) ? 0 : approach, facing, ratInCover);
    }

    /** The angle (0..pi) between a heading from (x, y) and the bearing from there to (toX, toY). */
    static double facing(double x, double y, double heading, double toX, double toY) {
        return Math.abs(Math.IEEEremainder(Math.atan2(toY - y, toX - x) - heading, 2 * Math.PI));
    }
}
