package truce.classify.training;

import java.util.ArrayList;
import java.util.List;
import truce.behaviour.CatPosture;
import truce.behaviour.RatState;
import truce.classify.BehaviourNet;
import truce.classify.FeatureEncoder;
import truce.classify.ShapeNet;
import truce.features.FrameFeatures;
import truce.framecsv.FrameRow;

/**
 * Scenes encoded once into flat float arrays, from which training windows are cut on demand: no copy of the
 * 24-frame windows is ever held, so memory stays at one vector per frame. Frames before a scene's start are
 * zero, as in a live stream's first frames.
 */
final class WindowedData {
    private final List<float[]> encoded = new ArrayList<>();
    private final List<int[]> catLabels = new ArrayList<>();
    private final List<int[]> ratLabels = new ArrayList<>();
    /** Samples as (scene << 32 | frame); only frames with at least one label. */
    private final long[] samples;
    private final int[] catCounts = new int[BehaviourNet.CAT_CLASSES];
    private final int[] ratCounts = new int[BehaviourNet.RAT_CLASSES];

    WindowedData(List<LabelledScene> scenes) {
        List<Long> s = new ArrayList<>();
        for (int si = 0; si < scenes.size(); si++) {
            LabelledScene scene = scenes.get(si);
            int n = scene.frames();
            float[] enc = new float[n * FeatureEncoder.CHANNELS];
            int[] cat = new int[n];
            int[] rat = new int[n];
            FeatureEncoder encoder = new FeatureEncoder(); // a scene is one stream, as live
            for (int t = 0; t < n; t++) {
                FrameFeatures f = scene.features().get(t);
                encoder.encode(f, scene.shape(), t * ShapeNet.READINGS, enc, t * FeatureEncoder.CHANNELS);
                FrameRow r = scene.truth().get(t);
                CatPosture cp = r.catPosture();
                RatState rs = r.ratState();
                // The cat's posture is learned only where vision sees a cat: out of view it is reported empty.
                cat[t] = cp != null && f.cat().visible() ? cp.ordinal() : -1;
                rat[t] = rs != null ? rs.ordinal() : -1;
                if (cat[t] >= 0) {
                    catCounts[cat[t]]++;
                }
                if (rat[t] >= 0) {
                    ratCounts[rat[t]]++;
                }
                if (cat[t] >= 0 || rat[t] >= 0) {
                    s.add(((long) si << 32) | t);
                }
            }
            encoded.add(enc);
            catLabels.add(cat);
            ratLabels.add(rat);
        }
        samples = s.stream().mapToLong(Long::longValue).toArray();
    }

    int size() {
        return samples.length;
    }

    long sample(int i) {
        return samples[i];
    }

    int[] catCounts() {
        return catCounts.clone();
    }

    int[] ratCounts() {
        return ratCounts.clone();
    }

    int catLabel(long sample) {
        return catLabels.get((int) (sample >>> 32))[(int) sample];
    }

    int ratLabel(long sample) {
        return ratLabels.get((int) (sample >>> 32))[(int) sample];
    }

    /** Copies the window ending at {@code sample} into {@code out} at batch position {@code b}, layout (C, W). */
    void window(long sample, float[] out, int b) {
        float[] enc = encoded.get((int) (sample >>> 32));
        int t = (int) sample;
        int c = FeatureEncoder.CHANNELS;
        int w = BehaviourNet.WINDOW;
        int base = b * c * w;
        for (int k = 0; k < w; k++) {
            int frame = t - w + 1 + k;
            for (int ch = 0; ch < c; ch++) {
                out[base + ch * w + k] = frame < 0 ? 0f : enc[frame * c + ch];
            }
        }
    }
}
