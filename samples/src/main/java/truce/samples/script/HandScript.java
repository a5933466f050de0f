package truce.samples.script;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import truce.samples.playpen.Playpen;
import truce.samples.playpen.Vec;

/** A person's hand reaching in from the edge of the picture now and then (a treat for the calm cat, mostly). */
final class HandScript {
    private record Reach(double start, double in, double hold, double out, boolean nearCat, Vec spot) {
        double end() {
            return start + in + hold + out;
        }
    }

    private final List<Reach> reaches = new ArrayList<>();
    private final double scale;
    private final double viewW, viewH;
    private Vec tip;
    private Vec base;

    HandScript(SplittableRandom rng, Playpen pen, double seconds, int count) {
        this.scale = 1.15 + 0.3 * rng.nextDouble();
        this.viewW = pen.viewWidthCm();
        this.viewH = pen.viewHeightCm();
        double slot = seconds / Math.max(1, count);
        for (int i = 0; i < count; i++) {
            double in = 0.5 + 0.5 * rng.nextDouble();
            double hold = 0.8 + 2.2 * rng.nextDouble();
            double out = 0.5 + 0.5 * rng.nextDouble();
            double start = i * slot + rng.nextDouble() * Math.max(0.1, slot - in - hold - out);
            if (start + in + hold + out > seconds) {
                continue;
            }
            reaches.add(new Reach(start, in, hold, out, rng.nextDouble() < 0.65, pen.pen().inflate(-10).randomPoint(rng)));
        }
    }

    /** The hand at time t, or null when no hand is in the picture. */
    HandPose at(double t, Vec cat) {
        for (Reach r : reaches) {
            if (t >= r.start && t < r.end()) {
                if (tip == null) {
                    // where the hand goes, decided as it starts reaching: beside the cat (a treat) or anywhere;
                    // it comes in over the nearest edge, and an arm reaches at most about 75 cm into the picture
                    Vec want = r.nearCat ? cat.plus(new Vec(10, 10)) : r.spot;
                    double[] d = {want.y(), viewW - want.x(), viewH - want.y(), want.x()};
                    int edge = 0;
                    for (int k = 1; k < 4; k++) {
                        edge = d[k] < d[edge] ? k : edge;
                    }
                    base = switch (edge) {
                        case 0 -> new Vec(want.x(), -25);
                        case 1 -> new Vec(viewW + 25, want.y());
                        case 2 -> new Vec(want.x(), viewH + 25);
                        default -> new Vec(-25, want.y());
                    };
                    double reach = Math.min(base.distance(want), 25 + 75 * scale / 1.3);
                    tip = base.plus(Vec.polar(reach, base.angleTo(want)));
                }
                double e = t - r.start;
                double k = e < r.in ? ease(e / r.in) : e < r.in + r.hold ? 1 : ease(1 - (e - r.in - r.hold) / r.out);
                Vec wrist = base.plus(tip.minus(base).times(k));
                return new HandPose(base, wrist, scale);
            }
        }
        tip = null;
        return null;
    }

    private static double ease(double x) {
        x = Math.max(0, Math.min(1, x));
        return x * x * (3 - 2 * x);
    }
}
