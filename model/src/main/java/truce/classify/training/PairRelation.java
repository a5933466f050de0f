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
            double bearing = Math.atan2(a.y() - c.y(), a.x() - c.x());
            facing = Math.abs(Math.IEEEremainder(bearing - c.heading(), 2 * Math.PI));
            if (!Double.isNaN(lastDistance)) {
                approach = 0.5 * approach + 0.5 * (lastDistance - distance) / dt;
            }
        }
        lastDistance = distance;
        return new FrameFeatures(frame, timeMs, c, a, distance,
                c.bodyLength() > 0 ? distance / c.bodyLength() : Double.NaN,
                Double.isNaN(distance) ? 0 : approach, facing, ratInCover);
    }
}
