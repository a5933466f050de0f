package truce.features;

/**
 * What the vision pipeline measured of one animal in one frame. Positions in source-frame pixels; speeds are
 * smoothed over past frames only (live mode has no future). When {@code visible} is false the position is the
 * last place the animal was seen (NaN if never) and the motion fields are 0.
 *
 * @param visible       the animal is in view in this frame
 * @param x             body centroid x (px)
 * @param y             body centroid y (px)
 * @param vx            velocity x (px/s)
 * @param vy            velocity y (px/s)
 * @param speed         |v| (px/s)
 * @param speedBodyLengths speed in the animal's own body lengths per second
 * @param acceleration  d|v|/dt (px/s^2), smoothed
 * @param heading       direction the head points, radians, image axes (0 = +x, pi/2 = +y, i.e. down)
 * @param bodyLength    length of the body's long axis (px), smoothed
 * @param bodyWidth     width across the long axis (px), smoothed
 * @param elongation    bodyLength / bodyWidth
 * @param area          blob area (px^2)
 * @param framesUnseen  frames since the animal was last in view (0 when visible)
 */
public record AnimalFeatures(
        boolean visible,
        double x, double y,
        double vx, double vy,
        double speed,
        double speedBodyLengths,
        double acceleration,
        double heading,
        double bodyLength,
        double bodyWidth,
        double elongation,
        double area,
        int framesUnseen) {

    public static final AnimalFeatures NEVER_SEEN = new AnimalFeatures(
            false, Double.NaN, Double.NaN, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, Integer.MAX_VALUE);
}
