package truce.classify.training;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import truce.features.AnimalFeatures;
import truce.features.FrameFeatures;

/**
 * Augmentation: a scene's twin whose rat track now and then sits on something else (a toy, a hand, a patch of
 * floor), labels unchanged. Of the 18 lunges the shipped weights missed on the four deciding sets, 6 had
 * the cat tracked right, and in 4 of those the rat's track was of this kind (seeds 27182 and 5150, 2026-11-26): the cat ran at 3-5 body lengths a second straight at the real rat, while
 * vision's rat sat 200-350 px away, behind the cat, so the cat-to-rat channels said "moving away" and the net, which
 * in training had almost always seen the rat where it was, called it no lunge. The twin shows it such stretches: for
 * 1 to 6 s at a time the rat's features are a decoy 1.5 to 4 cat lengths from the cat that stands or drifts slowly,
 * in plain view, with the rat's own shape; distance, approach and facing follow the decoy, so the cat's own burst
 * (speed, step, acceleration) has to carry a lunge.
 */
final class StrayRatTwin {
    /** Mean seconds between stray stretches. */
    private static final double MEAN_GAP_S = 8;
    /** Vision's distance-rate filter per frame at 30 fps: 1 - exp(-33.3 / 100). */
    private static final double VELOCITY_ALPHA = 1 - Math.exp(-33.3 / 100);

    private StrayRatTwin() {
    }

    static LabelledScene of(LabelledScene scene, long seed) {
        Random r = new Random(seed ^ scene.name().hashCode() ^ 0x57A7L);
        int n = scene.frames();
        List<FrameFeatures> out = new ArrayList<>(scene.features());
        double medianLength = scene.medianLength(true);
        AnimalFeatures shape = null; // the rat's last seen shape: the decoy wears it
        int t = TwinGaps.frames(r, MEAN_GAP_S);
        for (int k = 0; k < Math.min(t, n); k++) {
            shape = lastShape(shape, scene.features().get(k).rat());
        }
        while (t < n && medianLength > 0) {
            int end = Math.min(n, t + 30 + r.nextInt(150));
            FrameFeatures first = scene.features().get(t);
            if (first.cat().visible()) {
                double a = r.nextDouble() * 2 * Math.PI;
                double d = medianLength * (1.5 + 2.5 * r.nextDouble());
                double x = first.cat().x() + d * Math.cos(a);
                double y = first.cat().y() + d * Math.sin(a);
                // a still decoy half the time, else one drifting at up to a cat length a second
                double drift = r.nextBoolean() ? 0 : r.nextDouble() * medianLength / 30;
                double b = r.nextDouble() * 2 * Math.PI;
                double vx = drift * Math.cos(b);
                double vy = drift * Math.sin(b);
                double approach = 0;
                double lastDistance = Double.NaN;
                for (int k = t; k < end; k++) {
                    FrameFeatures f = scene.features().get(k);
                    shape = lastShape(shape, f.rat());
                    x += vx;
                    y += vy;
                    AnimalFeatures decoy = new AnimalFeatures(true, x, y, vx * 30, vy * 30, drift * 30,
                            shape == null || shape.bodyLength() <= 0 ? 0 : drift * 30 / shape.bodyLength(), 0,
                            Math.atan2(vy, vx), shape == null ? 0 : shape.bodyLength(),
                            shape == null ? 0 : shape.bodyWidth(), shape == null ? 0 : shape.elongation(),
                            shape == null ? 0 : shape.area(), 0);
                    AnimalFeatures c = f.cat();
                    double distance = Double.NaN;
                    double facing = Double.NaN;
                    if (!Double.isNaN(c.x())) {
                        distance = Math.hypot(x - c.x(), y - c.y());
                        facing = PairRelation.facing(c.x(), c.y(), c.heading(), x, y);
                    }
                    if (!Double.isNaN(distance) && !Double.isNaN(lastDistance) && c.visible()) {
                        approach += VELOCITY_ALPHA * (-(distance - lastDistance) * 30 - approach);
                    } else {
                        approach = 0;
                    }
                    lastDistance = distance;
                    out.set(k, new FrameFeatures(f.frame(), f.timeMs(), c, decoy, distance,
                            c.bodyLength() > 0 ? distance / c.bodyLength() : Double.NaN, approach, facing, false));
                }
            }
            for (int k = t; k < end; k++) {
                shape = lastShape(shape, scene.features().get(k).rat());
            }
            t = end + TwinGaps.frames(r, MEAN_GAP_S);
            for (int k = end; k < Math.min(t, n); k++) {
                shape = lastShape(shape, scene.features().get(k).rat());
            }
        }
        return new LabelledScene(scene.name() + "~strayrat", scene.truth(), out, scene.shape());
    }

    private static AnimalFeatures lastShape(AnimalFeatures last, AnimalFeatures rat) {
        return rat.visible() && rat.bodyLength() > 0 ? rat : last;
    }

}
