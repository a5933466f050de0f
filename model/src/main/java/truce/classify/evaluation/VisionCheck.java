package truce.classify.evaluation;

import truce.classify.training.LabelledScene;
import truce.features.AnimalFeatures;
import truce.features.FrameFeatures;
import truce.framecsv.FrameRow;

/**
 * Whether vision got a frame right, so that the model's errors can be told from vision's: an animal is right
 * when the truth has it in view and vision reports it within {@link #GOOD_PX} of the truth's centroid, or when
 * the truth has it out of view and vision does not report it (a rat reported in view while it hides is wrong).
 * A rat hidden out of view is also wrong when vision does not say it is in cover: {@code ratInCover} is vision's
 * word for where an unseen rat went, and a hidden rat is in cover by definition (on the four deciding sets of
 * 2026-11-26, 2580 of the 3328 rat frames the model got wrong among those right by position alone were of this
 * kind). A frame is right when both animals are: the cat's posture is read from its relation to the rat, and the
 * rat's state from the cat's approach. The same 20 px as vision's TrackingScore.
 */
public final class VisionCheck {
    /** A position within this many pixels of the truth counts as the animal found. */
    public static final double GOOD_PX = 20;

    private VisionCheck() {
    }

    /** Pixels between vision's animal and the truth's; 0 when both say out of view, infinite when they disagree. */
    public static double error(AnimalFeatures seen, boolean truthVisible, double truthX, double truthY) {
        if (!truthVisible) {
            return seen.visible() ? Double.POSITIVE_INFINITY : 0;
        }
        if (!seen.visible()) {
            return Double.POSITIVE_INFINITY;
        }
        return Math.hypot(seen.x() - truthX, seen.y() - truthY);
    }

    public static double catError(FrameFeatures f, FrameRow truth) {
        return error(f.cat(), truth.catVisible(), truth.catX(), truth.catY());
    }

    public static double ratError(FrameFeatures f, FrameRow truth) {
        return error(f.rat(), truth.ratVisible(), truth.ratX(), truth.ratY());
    }

    /** Vision's rat within {@link #GOOD_PX} of the truth, or out of view and in cover as the truth has it. */
    public static boolean ratRight(FrameFeatures f, FrameRow truth) {
        return ratError(f, truth) <= GOOD_PX && (truth.ratVisible() || f.ratInCover());
    }

    /** Per frame of the scene: vision had both animals right. */
    public static boolean[] right(LabelledScene scene) {
        boolean[] ok = new boolean[scene.frames()];
        for (int t = 0; t < ok.length; t++) {
            FrameFeatures f = scene.features().get(t);
            FrameRow truth = scene.truth().get(t);
            ok[t] = catError(f, truth) <= GOOD_PX && ratRight(f, truth);
        }
        return ok;
    }

    /**
     * Per frame: vision had both animals right on every frame within {@code radius} frames of it (a lunge's onset
     * is judged on what the window saw around it, not on one frame).
     */
    public static boolean[] rightAround(boolean[] right, int radius) {
        boolean[] out = new boolean[right.length];
        for (int t = 0; t < right.length; t++) {
            boolean all = true;
            for (int u = Math.max(0, t - radius); u <= Math.min(right.length - 1, t + radius) && all; u++) {
                all = right[u];
            }
            out[t] = all;
        }
        return out;
    }
}
