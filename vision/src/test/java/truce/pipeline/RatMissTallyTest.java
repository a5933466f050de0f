package truce.pipeline;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;
import truce.behaviour.CatPosture;
import truce.behaviour.RatState;
import truce.features.AnimalFeatures;
import truce.features.FrameFeatures;
import truce.framecsv.FrameRow;

/** TrackingScore's split of the rat's wrong frames: beside the cat (within 0.6 of its body lengths) or apart. */
class RatMissTallyTest {
    /** The reported cat: at (200, 200), 150 px long. */
    private static final AnimalFeatures CAT = animal(true, 200, 200, 150);

    private static AnimalFeatures animal(boolean visible, double x, double y, double length) {
        return new AnimalFeatures(visible, x, y, 0, 0, 0, 0, 0, 0, length, length / 2, 2, 1000, visible ? 0 : 5);
    }

    private static FrameRow truth(boolean ratVisible, double ratX, double ratY) {
        return new FrameRow(0, 0, CatPosture.CALM, ratVisible ? RatState.EXPLORING : RatState.HIDING, 200, 200,
                ratVisible ? ratX : Double.NaN, ratVisible ? ratY : Double.NaN, true, ratVisible);
    }

    private static FrameFeatures seen(boolean ratVisible, double ratX, double ratY) {
        AnimalFeatures rat = ratVisible ? animal(true, ratX, ratY, 40) : AnimalFeatures.NEVER_SEEN;
        return new FrameFeatures(0, 0, CAT, rat, 0, 0, 0, 0, false);
    }

    @Test
    void eachWrongRatFrameIsCountedOnceBesideTheCatOrApart() {
        TrackingScore.Tally t = new TrackingScore.Tally();
        t.add(truth(true, 260, 200), seen(true, 262, 201));   // found: counted nowhere below
        t.add(truth(true, 260, 200), seen(false, 0, 0));      // lost 60 px from the cat (0.4 lengths): beside it
        t.add(truth(true, 400, 200), seen(false, 0, 0));      // lost 200 px off (1.3 lengths): apart
        t.add(truth(true, 400, 200), seen(true, 230, 200));   // reported on the cat, the rat 170 px away
        t.add(truth(true, 400, 200), seen(true, 450, 250));   // reported 70 px off, apart from the cat
        t.add(truth(false, 0, 0), seen(true, 210, 190));      // hidden, reported on the cat
        t.add(truth(false, 0, 0), seen(true, 500, 400));      // hidden, reported elsewhere
        t.add(truth(false, 0, 0), seen(true, 520, 400));
        assertEquals(1, t.ratLostBesideCat);
        assertEquals(1, t.ratLostApart);
        assertEquals(1, t.ratOffOnCat);
        assertEquals(1, t.ratOffApart);
        assertEquals(1, t.ratGhostOnCat);
        assertEquals(2, t.ratGhostApart);
        assertEquals(3, t.ratGhost);
        assertEquals(1, t.ratGood);
    }
}
