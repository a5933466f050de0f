package truce.samples.script;

/**
 * How one animal looks from above in one frame, in centimetres of floor. The drawing reads it; the truth labels
 * come from the activity that produced it.
 *
 * @param x,y        body centre
 * @param heading    direction the body points, radians (0 = +x, y down)
 * @param vx,vy      velocity, cm/s (motion blur)
 * @param stretch    body length factor (1 walking, about 0.65 sitting, 1.15 stalking, 1.25 lunging)
 * @param width      body width factor (below 1 narrow and low, above 1 relaxed or curled)
 * @param bend       total turn of the spine from tail base to neck, radians (curled up when resting)
 * @param headYaw    head turned from the body axis, radians
 * @param tailAngle  tail base relative to straight back, radians
 * @param tailCurl   curvature along the tail, radians over its length
 * @param lift       drawing scale from height (1 on the floor, above 1 on the perch)
 */
public record Pose(double x, double y, double heading, double vx, double vy, double stretch, double width,
                   double bend, double headYaw, double tailAngle, double tailCurl, double lift) {

    /** Up on the perch (the lift eases in and out, so a hair over 1 is still on the floor). */
    public boolean raised() {
        return lift > 1.01;
    }

    public double speed() {
        return Math.hypot(vx, vy);
    }
}
