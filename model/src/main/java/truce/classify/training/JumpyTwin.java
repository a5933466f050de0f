package truce.classify.training;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import truce.features.AnimalFeatures;
import truce.features.FrameFeatures;

/**
 * Augmentation: a scene's twin whose cat track jumps now and then, labels unchanged. Most false lunges come from
 * one-frame leaps of the tracked centroid (an identity correction, the cat merging with the rat or a shadow and
 * splitting again), which real pounces never make: a pounce moves for several frames. The twin shows the net such
 * leaps while the cat is calm or stalking, so it learns that a jump is no lunge, instead of the smoother waiting a
 * frame on every lunge. Each leap moves the centroid 0.6 to 2.5 median body lengths, for 1 to 12 frames (a merge
 * and split) or for good (a correction); vision's smoothed velocity gets the same kick its exponential filter
 * (tau 100 ms) would give it, and the cat-rat distance and approach follow the moved centroid.
 */
final class JumpyTwin {
    /** Mean seconds between leaps. */
    private static final double MEAN_GAP_S = 6;
    /** Vision's velocity filter per frame at 30 fps: 1 - exp(-33.3 / 100). */
    private static final double VELOCITY_ALPHA = 1 - Math.exp(-33.3 / 100);

    private JumpyTwin() {
    }

    static LabelledScene of(LabelledScene scene, long seed) {
        Random r = new Random(seed ^ scene.name().hashCode());
        int n = scene.frames();
        double[] ox = new double[n];
        double[] oy = new double[n];
        double medianLength = scene.medianLength(true);
        int t = TwinGaps.frames(r, MEAN_GAP_S);
        while (t < n && medianLength > 0) {
            double d = medianLength * (0.6 + 1.9 * r.nextDouble());
            double a = r.nextDouble() * 2 * Math.PI;
            boolean forGood = r.nextDouble() < 0.3;
            int end = forGood ? n : Math.min(n, t + 1 + r.nextInt(12));
            for (int k = t; k < end; k++) {
                ox[k] += d * Math.cos(a);
                oy[k] += d * Math.sin(a);
            }
            t = end + TwinGaps.frames(r, MEAN_GAP_S);
        }
        List<FrameFeatures> out = new ArrayList<>(n);
        double kickX = 0;
        double kickY = 0;
        double approachKick = 0;
        double lastDistance = Double.NaN;
        for (int k = 0; k < n; k++) {
            FrameFeatures f = scene.features().get(k);
            AnimalFeatures c = f.cat();
            double dox = k == 0 ? ox[0] : ox[k] - ox[k - 1];
            double doy = k == 0 ? oy[0] : oy[k] - oy[k - 1];
            double fps = 30;
            kickX = (1 - VELOCITY_ALPHA) * kickX + VELOCITY_ALPHA * dox * fps;
            kickY = (1 - VELOCITY_ALPHA) * kickY + VELOCITY_ALPHA * doy * fps;
            if (!c.visible() || (ox[k] == 0 && oy[k] == 0 && Math.abs(kickX) + Math.abs(kickY) < 1e-3)) {
                out.add(f);
                lastDistance = f.distance();
                if (!c.visible()) {
                    kickX = 0;
                    kickY = 0;
                    approachKick = 0;
                }
                continue;
            }
            double x = c.x() + ox[k];
            double y = c.y() + oy[k];
            double vx = c.vx() + kickX;
            double vy = c.vy() + kickY;
            double speed = Math.hypot(vx, vy);
            AnimalFeatures moved = new AnimalFeatures(true, x, y, vx, vy, speed,
                    c.bodyLength() > 0 ? speed / c.bodyLength() : 0, c.acceleration(), c.heading(),
                    c.bodyLength(), c.bodyWidth(), c.elongation(), c.area(), c.framesUnseen());
            AnimalFeatures rat = f.rat();
            double distance = Math.hypot(rat.x() - x, rat.y() - y);
            double approach = f.approachSpeed();
            double facing = f.catFacingAngle();
            if (!Double.isNaN(distance)) {
                double jumpClose = Double.isNaN(lastDistance) || Double.isNaN(f.distance()) ? 0
                        : (lastDistance - distance) - (scenePrevDistance(scene, k) - f.distance());
                if (Double.isNaN(jumpClose)) {
                    jumpClose = 0;
                }
                approachKick = (1 - VELOCITY_ALPHA) * approachKick + VELOCITY_ALPHA * jumpClose * fps;
                approach += approachKick;
                facing = PairRelation.facing(x, y, c.heading(), rat.x(), rat.y());
            }
            lastDistance = distance;
            out.add(new FrameFeatures(f.frame(), f.timeMs(), moved, rat, distance,
                    c.bodyLength() > 0 ? distance / c.bodyLength() : Double.NaN, approach, facing, f.ratInCover()));
        }
        return new LabelledScene(scene.name() + "~jumpy", scene.truth(), out, scene.shape());
    }

    private static double scenePrevDistance(LabelledScene scene, int k) {
        return k == 0 ? Double.NaN : scene.features().get(k - 1).distance();
    }

}
