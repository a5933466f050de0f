package truce.samples.script;

import truce.samples.playpen.Vec;

/**
 * The moving body shared by both animals: position, heading, speed, and the pose parameters, which ease towards
 * the targets the current activity sets so that postures change smoothly (a lunge's stretch changes fast).
 */
final class Body {
    final double length;
    double x, y, heading, speed;
    double vx, vy;
    double stretch = 1, width = 1, bend, headYaw, tailAngle, tailCurl, lift = 1;
    // targets
    double tStretch = 1, tWidth = 1, tBend, tHeadYaw, tTailAngle, tTailCurl, tLift = 1;

    Body(double length, Vec at, double heading) {
        this.length = length;
        this.x = at.x();
        this.y = at.y();
        this.heading = heading;
    }

    Vec pos() {
        return new Vec(x, y);
    }

    void target(double stretch, double width, double bend, double headYaw, double tailAngle, double tailCurl) {
        tStretch = stretch;
        tWidth = width;
        tBend = bend;
        tHeadYaw = headYaw;
        tTailAngle = tailAngle;
        tTailCurl = tailCurl;
    }

    /** Eases pose parameters towards their targets at {@code rate} per second. */
    void ease(double dt, double rate) {
        double k = Math.min(1, rate * dt);
        stretch += (tStretch - stretch) * k;
        width += (tWidth - width) * k;
        bend += (tBend - bend) * k;
        headYaw += (tHeadYaw - headYaw) * k;
        tailAngle += (tTailAngle - tailAngle) * k;
        tailCurl += (tTailCurl - tailCurl) * k;
        lift += (tLift - lift) * Math.min(1, 3 * dt);
    }

    /** Turns towards {@code angle} at most {@code rate} rad/s; returns the remaining difference. */
    double turnTo(double angle, double rate, double dt) {
        double d = Vec.wrap(angle - heading);
        double step = Math.max(-rate * dt, Math.min(rate * dt, d));
        heading = Vec.wrap(heading + step);
        // A turning walk bends the spine a little into the turn.
        return d - step;
    }

    /** Moves along the heading at the current speed; returns the new position without committing it. */
    Vec next(double dt) {
        return new Vec(x + Math.cos(heading) * speed * dt, y + Math.sin(heading) * speed * dt);
    }

    void moveTo(Vec p, double dt) {
        vx = (p.x() - x) / dt;
        vy = (p.y() - y) / dt;
        x = p.x();
        y = p.y();
    }

    void hold() {
        vx = 0;
        vy = 0;
        speed = 0;
    }

    /** Speeds up or slows down towards {@code v} with at most {@code accel} cm/s². */
    void accelerate(double v, double accel, double dt) {
        double d = v - speed;
        speed += Math.max(-accel * dt, Math.min(accel * dt, d));
    }

    Pose pose() {
        return new Pose(x, y, heading, vx, vy, stretch, width, bend, headYaw, tailAngle, tailCurl, lift);
    }
}
