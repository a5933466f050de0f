package truce.classify.training;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import truce.features.AnimalFeatures;
import truce.features.FrameFeatures;
import truce.framecsv.FrameRow;
import truce.samples.scene.SceneInfo;

/**
 * A stand-in for the vision pipeline: features derived from the truth positions plus Gaussian noise, with the
 * same causal smoothing a tracker would apply. Body size and shape are not in the truth, so they are fixed
 * guesses: this source is for development and tests, while shipped weights are trained on what vision
 * actually measures ({@code --features vision}).
 */
public final class TruthFeatures implements FeatureSource {
    private static final ObjectMapper JSON = new ObjectMapper()
            .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);
    private final double noisePx;
    private final double catLengthPx;
    private final double ratLengthPx;
    private final long seed;

    public TruthFeatures(double noisePx, double catLengthPx, double ratLengthPx, long seed) {
        this.noisePx = noisePx;
        this.catLengthPx = catLengthPx;
        this.ratLengthPx = ratLengthPx;
        this.seed = seed;
    }

    @Override
    public String name() {
        return "truth+noise(" + noisePx + "px)";
    }

    @Override
    public List<FrameFeatures> features(Scene scene, List<FrameRow> truth) throws IOException {
        // The generator's info file gives the animals' real sizes and the view's width: use them when present.
        Path info = scene.info();
        double cat = catLengthPx;
        double rat = ratLengthPx;
        if (Files.isRegularFile(info)) {
            SceneInfo i = JSON.readValue(info.toFile(), SceneInfo.class);
            if (i.viewWidthCm() > 0 && i.width() > 0 && i.catLengthCm() > 0 && i.ratLengthCm() > 0) {
                cat = i.catLengthCm() / i.viewWidthCm() * i.width();
                rat = i.ratLengthCm() / i.viewWidthCm() * i.width();
            }
        }
        return features(scene.name(), truth, cat, rat);
    }

    /** Features for truth rows with the default body sizes. */
    public List<FrameFeatures> features(String sceneName, List<FrameRow> truth) {
        return features(sceneName, truth, catLengthPx, ratLengthPx);
    }

    /** Features for truth rows; the noise is seeded by the scene name, so reruns are identical. */
    public List<FrameFeatures> features(String sceneName, List<FrameRow> truth, double catLen, double ratLen) {
        Random random = new Random(seed ^ sceneName.hashCode());
        Track cat = new Track(catLen, 2.6);
        Track rat = new Track(ratLen, 2.2);
        List<FrameFeatures> out = new ArrayList<>(truth.size());
        double lastTime = Double.NaN;
        PairRelation pair = new PairRelation();
        boolean ratSeen = false;
        for (FrameRow r : truth) {
            double dt = Double.isNaN(lastTime) ? 1.0 / 30 : Math.max(1e-3, (r.timeMs() - lastTime) / 1000);
            lastTime = r.timeMs();
            AnimalFeatures c = cat.step(r.catVisible(), r.catX(), r.catY(), dt, random);
            AnimalFeatures a = rat.step(r.ratVisible(), r.ratX(), r.ratY(), dt, random);
            ratSeen |= r.ratVisible();
            out.add(pair.frame(r.frame(), r.timeMs(), dt, c, a, ratSeen && !r.ratVisible()));
        }
        return out;
    }

    /** Causal smoothing of one animal's noisy positions, as a tracker would do it. */
    private final class Track {
        private final double length;
        private final double elongation;
        private double x = Double.NaN;
        private double y = Double.NaN;
        private double vx;
        private double vy;
        private double speed;
        private double accel;
        private double heading;
        private int unseen = Integer.MAX_VALUE;

        Track(double length, double elongation) {
            this.length = length;
            this.elongation = elongation;
        }

        AnimalFeatures step(boolean visible, double tx, double ty, double dt, Random random) {
            if (!visible) {
                unseen = unseen == Integer.MAX_VALUE ? unseen : unseen + 1;
                vx = vy = speed = accel = 0;
                return new AnimalFeatures(false, x, y, 0, 0, 0, 0, 0, heading, length, length / elongation,
                        elongation, 0, unseen);
            }
            double nx = tx + random.nextGaussian() * noisePx;
            double ny = ty + random.nextGaussian() * noisePx;
            if (unseen != 0) {
                vx = vy = speed = 0;
            } else {
                vx = 0.5 * vx + 0.5 * (nx - x) / dt;
                vy = 0.5 * vy + 0.5 * (ny - y) / dt;
            }
            double newSpeed = Math.hypot(vx, vy);
            accel = unseen != 0 ? 0 : 0.5 * accel + 0.5 * (newSpeed - speed) / dt;
            speed = newSpeed;
            if (speed > 0.3 * length) {
                heading = Math.atan2(vy, vx);
            }
            x = nx;
            y = ny;
            unseen = 0;
            double e = elongation + random.nextGaussian() * 0.1;
            return new AnimalFeatures(true, x, y, vx, vy, speed, speed / length, accel, heading, length,
                    length / e, e, length * length / e, 0);
        }
    }
}
