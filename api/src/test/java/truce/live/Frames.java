package truce.live;

import java.time.Instant;
import truce.behaviour.CatPosture;
import truce.behaviour.RatState;
import truce.classify.Labels;
import truce.features.AnimalFeatures;
import truce.features.FrameFeatures;

/** Builds labelled frames for driving a camera loop in tests (no image). */
public final class Frames {
    private Frames() {
    }

    public static AnimalFeatures at(double x, double y, double heading) {
        return new AnimalFeatures(true, x, y, 0, 0, 0, 0, 0, heading, 60, 20, 3, 900, 0);
    }

    public static AnimalFeatures hidden() {
        return new AnimalFeatures(false, Double.NaN, Double.NaN, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 5);
    }

    /** A frame with the cat at (100,100) facing +x and the rat at (100 + dist, 100). */
    public static LiveFrame frame(String cam, long frame, double timeMs, CatPosture cat, RatState rat, double distance) {
        AnimalFeatures c = cat == null ? hidden() : at(100, 100, 0);
        boolean ratVisible = rat != null && rat != RatState.HIDING;
        AnimalFeatures r = ratVisible ? at(100 + distance, 100, Math.PI) : hidden();
        boolean both = c.visible() && r.visible();
        FrameFeatures f = new FrameFeatures(frame, timeMs, c, r,
                both ? distance : Double.NaN, both ? distance / 60.0 : Double.NaN, 0, both ? 0 : Double.NaN, rat == RatState.HIDING);
        return new LiveFrame(cam, f, new Labels(cat, rat, null, null), Instant.now(), null);
    }
}
