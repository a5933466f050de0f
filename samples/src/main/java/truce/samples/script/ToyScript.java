package truce.samples.script;

import java.util.SplittableRandom;
import truce.samples.playpen.Box;
import truce.samples.playpen.Cover;
import truce.samples.playpen.Playpen;
import truce.samples.playpen.Vec;

/** A ball toy that lies about and now and then rolls off fast when knocked, bouncing off walls and boxes. */
final class ToyScript {
    private final SplittableRandom rng;
    private final Playpen pen;
    private final double radius;
    private final Box area;
    private double x, y, vx, vy, spin;
    private double nextKick;

    ToyScript(SplittableRandom rng, Playpen pen) {
        this.rng = rng;
        this.pen = pen;
        this.radius = 2.2 + 1.8 * rng.nextDouble();
        this.area = pen.pen().inflate(-radius);
        Vec p = area.randomPoint(rng);
        for (int i = 0; i < 50 && blocked(p); i++) {
            p = area.randomPoint(rng);
        }
        x = p.x();
        y = p.y();
        nextKick = 1 + rng.nextDouble() * 8;
    }

    private boolean blocked(Vec p) {
        for (Cover c : pen.covers()) {
            if (c.box().inflate(radius).contains(p)) {
                return true;
            }
        }
        return pen.barrier() != null && pen.barrier().inflate(radius).contains(p);
    }

    ToyPose step(double t, double dt) {
        if (t >= nextKick) {
            double a = rng.nextDouble() * 2 * Math.PI;
            double v = 40 + 130 * rng.nextDouble();
            vx = Math.cos(a) * v;
            vy = Math.sin(a) * v;
            nextKick = t + 4 + rng.nextDouble() * 14;
        }
        double v = Math.hypot(vx, vy);
        if (v > 0) {
            double nv = Math.max(0, v - 45 * dt);
            vx *= nv / v;
            vy *= nv / v;
        }
        double nx = x + vx * dt, ny = y + vy * dt;
        if (nx < area.x0() || nx > area.x1()) {
            vx = -vx * 0.7;
            nx = x;
        }
        if (ny < area.y0() || ny > area.y1()) {
            vy = -vy * 0.7;
            ny = y;
        }
        if (blocked(new Vec(nx, ny))) {
            // bounce back the way it came
            vx = -vx * 0.6;
            vy = -vy * 0.6;
            nx = x;
            ny = y;
        }
        spin += Math.hypot(nx - x, ny - y) / radius;
        x = nx;
        y = ny;
        return new ToyPose(new Vec(x, y), radius, spin, vx, vy);
    }
}
