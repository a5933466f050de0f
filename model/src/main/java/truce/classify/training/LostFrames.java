package truce.classify.training;

import java.util.ArrayList;
import java.util.List;
import truce.features.AnimalFeatures;
import truce.features.FrameFeatures;
import truce.framecsv.FrameRow;

/**
 * Leaves out of the loss the frames where vision tracks something else than the animal whose label it is: the
 * tracked centroid more than {@code lengths} of the animal's median body length from the truth's (a ghost, the
 * other animal, a shadow, a toy). There the features say nothing about the label, so the only way to fit it is to
 * remember the scene, which is what the net did (validation loss rising from the first epoch). The frames stay in
 * the windows (the net still sees vision's mistakes as inputs); only their own label is dropped.
 * Measured 2026-11-26 (single nets, seeds 7777, 9001 and 424242 held out, vision of main 1d06702): no gain beyond the
 * 0.02-0.05 seed-to-seed spread, and dropping the cat's labels doubled the false lunges (the lost cat's leaps,
 * labelled calm, are what teaches the net that a leap is no lunge). Off by default ({@code train --drop-lost-*}).
 */
public final class LostFrames {
    private LostFrames() {
    }

    /**
     * The scene with the labels of lost frames removed, each animal with its own limit in its body lengths (0: keep
     * all of its labels); the scene itself if nothing is dropped.
     */
    public static LabelledScene drop(LabelledScene scene, double catLengths, double ratLengths) {
        if (!(catLengths > 0) && !(ratLengths > 0)) {
            return scene;
        }
        double catLength = scene.medianLength(true);
        double ratLength = scene.medianLength(false);
        List<FrameRow> out = new ArrayList<>(scene.frames());
        boolean changed = false;
        for (int t = 0; t < scene.frames(); t++) {
            FrameRow r = scene.truth().get(t);
            FrameFeatures f = scene.features().get(t);
            boolean catLost = r.catPosture() != null && lost(f.cat(), r.catVisible(), r.catX(), r.catY(),
                    catLengths * catLength);
            boolean ratLost = r.ratState() != null && lost(f.rat(), r.ratVisible(), r.ratX(), r.ratY(),
                    ratLengths * ratLength);
            if (catLost || ratLost) {
                changed = true;
                out.add(new FrameRow(r.frame(), r.timeMs(), catLost ? null : r.catPosture(),
                        ratLost ? null : r.ratState(), r.catX(), r.catY(), r.ratX(), r.ratY(), r.catVisible(),
                        r.ratVisible()));
            } else {
                out.add(r);
            }
        }
        return changed ? new LabelledScene(scene.name(), out, scene.features(), scene.shape()) : scene;
    }

    /** Vision sees the animal where the truth, which sees it too, has it elsewhere. */
    private static boolean lost(AnimalFeatures a, boolean truthVisible, double x, double y, double limit) {
        if (!a.visible() || !(limit > 0)) {
            return false;
        }
        if (!truthVisible || Double.isNaN(x) || Double.isNaN(y)) {
            return false; // no truth position to compare with: keep the label
        }
        return Math.hypot(a.x() - x, a.y() - y) > limit;
    }
}
