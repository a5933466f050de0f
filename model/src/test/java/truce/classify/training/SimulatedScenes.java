package truce.classify.training;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import truce.behaviour.CatPosture;
import truce.behaviour.RatState;
import truce.features.AnimalFeatures;
import truce.features.FrameFeatures;
import truce.framecsv.FrameRow;

/**
 * A tiny kinematic stand-in for the footage generator, for fast tests: truth rows at 30 fps in which a cat
 * wanders calmly, stalks the rat, sometimes lunges, and a rat explores, flees to cover and hides.
 */
final class SimulatedScenes {
    static final double CAT_LEN = 90;
    static final double RAT_LEN = 40;
    private static final double COVER_X = 560;
    private static final double COVER_Y = 400;

    private SimulatedScenes() {
    }

    static List<FrameRow> scene(long seed, int frames) {
        Random r = new Random(seed);
        List<FrameRow> rows = new ArrayList<>(frames);
        double cx = 150, cy = 150, rx = 400, ry = 250;
        double heading = r.nextDouble() * 2 * Math.PI;
        CatPosture cat = CatPosture.CALM;
        RatState rat = RatState.EXPLORING;
        int catLeft = 60 + r.nextInt(60);
        int ratLeft = 0;
        double rh = r.nextDouble() * 2 * Math.PI;
        for (int f = 0; f < frames; f++) {
            double dt = 1.0 / 30;
            double toRat = Math.atan2(ry - cy, rx - cx);
            double dist = Math.hypot(rx - cx, ry - cy);
            double speed;
            switch (cat) {
                case CALM -> {
                    heading += r.nextGaussian() * 0.1;
                    speed = (catLeft % 90 < 40) ? 0 : 0.6 * CAT_LEN;
                }
                case STALKING -> {
                    heading = toRat;
                    speed = (catLeft % 40 < 15) ? 0 : 0.35 * CAT_LEN;
                }
                default -> {
                    heading = toRat;
                    speed = 6 * CAT_LEN;
                }
            }
            if (cat != CatPosture.LUNGING && dist < 1.2 * CAT_LEN) {
                speed = 0;
            }
            cx = clamp(cx + Math.cos(heading) * speed * dt, 40, 600);
            cy = clamp(cy + Math.sin(heading) * speed * dt, 40, 440);
            if (--catLeft <= 0) {
                if (cat == CatPosture.CALM) {
                    cat = CatPosture.STALKING;
                    catLeft = 60 + r.nextInt(90);
                } else if (cat == CatPosture.STALKING && r.nextBoolean()) {
                    cat = CatPosture.LUNGING;
                    catLeft = 8 + r.nextInt(8);
                    rat = RatState.FLEEING;
                } else {
                    cat = CatPosture.CALM;
                    catLeft = 90 + r.nextInt(120);
                }
            }
            boolean ratVisible = true;
            switch (rat) {
                case EXPLORING -> {
                    rh += r.nextGaussian() * 0.3;
                    double s = (f % 60 < 20) ? 0 : 0.8 * RAT_LEN;
                    rx = clamp(rx + Math.cos(rh) * s * dt, 40, 600);
                    ry = clamp(ry + Math.sin(rh) * s * dt, 40, 440);
                }
                case FLEEING -> {
                    double toCover = Math.atan2(COVER_Y - ry, COVER_X - rx);
                    rx += Math.cos(toCover) * 8 * RAT_LEN * dt;
                    ry += Math.sin(toCover) * 8 * RAT_LEN * dt;
                    if (Math.hypot(COVER_X - rx, COVER_Y - ry) < 10) {
                        rat = RatState.HIDING;
                        ratLeft = 60 + r.nextInt(90);
                    }
                }
                default -> {
                    ratVisible = false;
                    if (--ratLeft <= 0) {
                        rat = RatState.EXPLORING;
                        rx -= 30;
                        ry -= 30;
                        rh = Math.PI * 1.25;
                    }
                }
            }
            rows.add(new FrameRow(f, f * 1000.0 / 30, cat, rat, cx, cy,
                    ratVisible ? rx : Double.NaN, ratVisible ? ry : Double.NaN, true, ratVisible));
        }
        return rows;
    }

    static LabelledScene labelled(long seed, int frames) {
        List<FrameRow> truth = scene(seed, frames);
        String name = "sim-" + seed;
        return new LabelledScene(name, truth, new TruthFeatures(1.0, CAT_LEN, RAT_LEN, 7).features(name, truth));
    }

    /**
     * A minute in which nothing moves: a cat (60 px long, heading along +x) at (catX, y) and a rat 300 px to its
     * right, with the given labels, the cat facing the rat at {@code facingAngle} and the rat in cover or not.
     */
    static LabelledScene still(String name, CatPosture posture, RatState state, double catX, double y,
                               double facingAngle, boolean ratInCover) {
        List<FrameRow> truth = new ArrayList<>();
        List<FrameFeatures> features = new ArrayList<>();
        for (int t = 0; t < 1800; t++) {
            double ms = t * 1000.0 / 30;
            truth.add(new FrameRow(t, ms, posture, state, catX, y, catX + 300, y, true, true));
            AnimalFeatures cat = new AnimalFeatures(true, catX, y, 0, 0, 0, 0, 0, 0, 60, 25, 2.4, 1200, 0);
            AnimalFeatures rat = new AnimalFeatures(true, catX + 300, y, 0, 0, 0, 0, 0, 0, 30, 12, 2.5, 300, 0);
            features.add(new FrameFeatures(t, ms, cat, rat, 300, 5, 0, facingAngle, ratInCover));
        }
        return new LabelledScene(name, truth, features);
    }

    private static double clamp(double v, double lo, double hi) {
        return Math.max(lo, Math.min(hi, v));
    }
}
