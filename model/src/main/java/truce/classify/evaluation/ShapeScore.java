package truce.classify.evaluation;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import truce.behaviour.CatPosture;
import truce.classify.ShapeNet;
import truce.classify.training.LabelledScene;
import truce.framecsv.FrameRow;

/**
 * How well the shape net reads the cat from its crop alone, one frame at a time: its stalking and lunging
 * probabilities' argmax against the truth posture, on the frames whose crop was cut where vision had the cat right,
 * within {@link VisionCheck#GOOD_PX} of the truth (elsewhere the crop shows too little of it to judge the reader by).
 * The behaviour net adds time on top; this is the reader's own share.
 */
public final class ShapeScore {
    private final ConfusionMatrix posture = new ConfusionMatrix(3);
    private long read;
    private long offCat;

    /** Scores the readings the scenes carry (scenes without readings are skipped). */
    public static ShapeScore of(List<LabelledScene> scenes) {
        ShapeScore s = new ShapeScore();
        for (LabelledScene scene : scenes) {
            float[] r = scene.shape();
            if (r == null) {
                continue;
            }
            for (int t = 0; t < scene.frames(); t++) {
                int o = t * ShapeNet.READINGS;
                if (r[o] <= 0) {
                    continue;
                }
                s.read++;
                FrameRow truth = scene.truth().get(t);
                CatPosture p = truth.catPosture();
                // a reading means vision saw a cat: within GOOD_PX means the truth has it there too
                if (p == null || VisionCheck.catError(scene.features().get(t), truth) > VisionCheck.GOOD_PX) {
                    s.offCat++;
                    continue;
                }
                float stalk = r[o + 3];
                float lunge = r[o + 4];
                float calm = 1 - stalk - lunge;
                int said = calm >= stalk && calm >= lunge ? 0 : stalk >= lunge ? 1 : 2;
                s.posture.add(p.ordinal(), said);
            }
        }
        return s;
    }

    public ConfusionMatrix posture() {
        return posture;
    }

    /** The figures as a few lines of text. */
    public String format() {
        StringBuilder b = new StringBuilder();
        b.append(String.format(Locale.ROOT, "%nshape net alone, one frame at a time (%d frames read, %d of them with "
                + "the crop off the cat, not scored)%n", read, offCat));
        String[] names = Arrays.stream(CatPosture.values()).map(v -> v.name().toLowerCase(Locale.ROOT))
                .toArray(String[]::new);
        for (int c = 0; c < 3; c++) {
            b.append(String.format(Locale.ROOT, "  %-10s precision %.3f recall %.3f F1 %.3f%n", names[c],
                    posture.precision(c), posture.recall(c), posture.f1(c)));
        }
        b.append(String.format(Locale.ROOT, "  macro-F1 %.3f%n", posture.macroF1()));
        return b.toString();
    }
}
