package truce.classify.training;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import me.tongfei.progressbar.ProgressBar;
import truce.classify.ShapeNet;
import truce.features.AnimalFeatures;
import truce.features.FrameFeatures;
import truce.framecsv.FrameCsv;
import truce.framecsv.FrameRow;

/**
 * A scene's truth rows and its features, frame for frame, and optionally the shape net's readings of the cat's
 * crop in each frame ({@code shape}: {@link ShapeNet#READINGS} floats a frame, or null when none were read).
 */
public record LabelledScene(String name, List<FrameRow> truth, List<FrameFeatures> features, float[] shape) {

    public LabelledScene {
        if (truth.size() != features.size()) {
            throw new IllegalArgumentException(name + ": " + truth.size() + " truth rows but "
                    + features.size() + " feature frames");
        }
        if (shape != null && shape.length != features.size() * ShapeNet.READINGS) {
            throw new IllegalArgumentException(name + ": shape readings for " + shape.length / ShapeNet.READINGS
                    + " frames but " + features.size() + " feature frames");
        }
    }

    /** A scene without shape readings. */
    public LabelledScene(String name, List<FrameRow> truth, List<FrameFeatures> features) {
        this(name, truth, features, null);
    }

    /** The same scene with the shape net's readings of its frames. */
    public LabelledScene withShape(float[] readings) {
        return new LabelledScene(name, truth, features, readings);
    }

    /** The median body length of the tracked cat (or rat) over the frames it is seen, in pixels; 0 if never. */
    public double medianLength(boolean cat) {
        double[] v = features.stream().map(f -> cat ? f.cat() : f.rat())
                .filter(a -> a.visible() && a.bodyLength() > 0).mapToDouble(AnimalFeatures::bodyLength).toArray();
        if (v.length == 0) {
            return 0;
        }
        Arrays.sort(v);
        return v[v.length / 2];
    }

    /** Reads a scene's truth and computes its features. */
    public static LabelledScene load(Scene scene, FeatureSource source) throws IOException {
        List<FrameRow> truth = FrameCsv.readRows(scene.truth());
        List<FrameFeatures> features = source.features(scene, truth);
        if (features.size() > truth.size()) {
            throw new IOException(scene.name() + ": features for " + features.size() + " frames but truth has only "
                    + truth.size());
        }
        // A video may decode a few frames short of its truth; train on the frames both have.
        return new LabelledScene(scene.name(), new ArrayList<>(truth.subList(0, features.size())), features);
    }

    /** Loads every scene, with a progress bar (vision over each video is the slow part). */
    public static List<LabelledScene> loadAll(List<Scene> scenes, FeatureSource source, boolean progress)
            throws IOException {
        List<LabelledScene> out = new ArrayList<>(scenes.size());
        ProgressBar bar = progress ? TrainingProgress.bar("features", scenes.size()) : null;
        try {
            for (Scene s : scenes) {
                if (bar != null) {
                    bar.setExtraMessage(" " + s.name());
                }
                out.add(load(s, source));
                if (bar != null) {
                    bar.step();
                }
            }
        } finally {
            if (bar != null) {
                bar.close();
            }
        }
        return out;
    }

    public int frames() {
        return truth.size();
    }

    public double durationMs() {
        if (truth.size() < 2) {
            return 0;
        }
        double step = (truth.get(truth.size() - 1).timeMs() - truth.get(0).timeMs()) / (truth.size() - 1);
        return truth.get(truth.size() - 1).timeMs() - truth.get(0).timeMs() + step;
    }
}
