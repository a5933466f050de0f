package truce.samples.script;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import truce.samples.playpen.Playpen;
import truce.samples.playpen.Vec;

/** A person's hand reaching in from the edge of the picture now and then (a treat for the calm cat, mostly). */
final class HandScript {
    private record Reach(double start, double in, double hold, double out, Vec base, boolean nearCat, Vec spot) {
        double end() {
            return start + in + hold + out;
        }
    }

    private final List<Reach> reaches = new ArrayList<>();
    private final double scale;
    private Vec tip;

    HandScript(SplittableRandom rng, Playpen pen, double seconds, int count) {
        this.scale = 1.15 + 0.3 * rng.nextDouble();
        double slot = seconds / Math.max(1, count);
        for (int i = 0; i < count; i++) {
            double in = 0.5 + 0.5 * rng.nextDouble();
            double hold = 0.8 + 2.2 * rng.nextDouble();
            double out = 0.5 + 0.5 * rng.nextDouble();
            double start = i * slot + rng.nextDouble() * Math.max(0.1, slot - in - hold - out);
            if (start + in + hold + out > seconds) {
                continue;
            }
            int edge = rng.nextInt(4);
            double w = pen.viewWidthCm(), h = pen.viewHeightCm();
            double u = 0.2 + 0.6 * rng.nextDouble();
            Vec base = switch (edge) {
                case 0 -> new Vec(u * w, -30);
                case 1 -> new Vec(w + 30, u * h);
                case 2 -> new Vec(u * w, h + 30);
                default -> new Vec(-30, u * h);
            };
            reaches.add(new Reach(start, in, hold, out, base, rng.nextDouble() < 0.65, pen.pen().inflate(-10).randomPoint(rng)));
        }
    }

    /** The hand at time t, or null when no hand is in the picture. */
    HandPose at(double t, Vec cat) {
        for (Reach r : reaches) {
            if (t >= r.start && t < r.end()) {
                if (tip == null) {
                    // pick where the hand goes when it starts reaching: beside the cat (a treat) or anywhere
                    tip = r.nearCat ? cat.plus(Vec.polar(12, r.base.angleTo(cat) + Math.PI * 0.8)) : r.spot;
                }
                double e = t - r.start;
                double k = e < r.in ? ease(e / r.in) : e < r.in + r.hold ? 1 : ease(1 - (e - r.in - r.hold) / r.out);
                Vec wrist = r.base.plus(tip.minus(r.base).times(k));
                return new HandPose(r.base, wrist, scale);
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
