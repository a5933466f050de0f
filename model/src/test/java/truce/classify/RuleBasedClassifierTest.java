package truce.classify;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import org.junit.jupiter.api.Test;
import truce.behaviour.CatPosture;
import truce.behaviour.RatState;
import truce.features.AnimalFeatures;
import truce.features.FrameFeatures;

class RuleBasedClassifierTest {

    /** A cat of 100 px at (x, y) moving with (vx, vy) px/s, heading {@code heading}, body 100 x w. */
    static AnimalFeatures animal(double x, double y, double vx, double vy, double heading, double length, double width) {
        double speed = Math.hypot(vx, vy);
        return new AnimalFeatures(true, x, y, vx, vy, speed, speed / length, 0, heading, length, width,
                length / width, length * width * 0.8, 0);
    }

    static FrameFeatures frame(long i, AnimalFeatures cat, AnimalFeatures rat, boolean ratInCover) {
        double d = Double.NaN;
        double facing = Double.NaN;
        double dl = Double.NaN;
        if (!Double.isNaN(cat.x()) && !Double.isNaN(rat.x())) {
            d = Math.hypot(rat.x() - cat.x(), rat.y() - cat.y());
            double bearing = Math.atan2(rat.y() - cat.y(), rat.x() - cat.x());
            double diff = Math.abs(Math.atan2(Math.sin(bearing - cat.heading()), Math.cos(bearing - cat.heading())));
            facing = diff;
            dl = d / cat.bodyLength();
        }
        double approach = cat.visible() && !Double.isNaN(d)
                ? (cat.vx() * (rat.x() - cat.x()) + cat.vy() * (rat.y() - cat.y())) / d : 0;
        return new FrameFeatures(i, i * 1000 / 30.0, cat, rat, d, dl, approach, facing, ratInCover);
    }

    private static final AnimalFeatures RAT = animal(600, 200, 0, 0, 0, 40, 15);

    @Test
    void aCatStrollingPastIsCalm() {
        RuleBasedClassifier c = new RuleBasedClassifier();
        for (int i = 0; i < 60; i++) {
            // walking at half a body length per second, at right angles to the rat, body relaxed
            Labels l = c.classify(frame(i, animal(200, 400, 0, 50, Math.PI / 2, 100, 45), RAT, false));
            assertEquals(CatPosture.CALM, l.cat());
            assertEquals(RatState.EXPLORING, l.rat());
        }
    }

    @Test
    void aLongLowCatFacingTheRatForHalfASecondIsStalking() {
        RuleBasedClassifier c = new RuleBasedClassifier();
        CatPosture last = null;
        int firstStalk = -1;
        for (int i = 0; i < 30; i++) {
            AnimalFeatures cat = animal(200 + i, 200, 30, 0, 0, 100, 40);
            last = c.classify(frame(i, cat, RAT, false)).cat();
            if (last == CatPosture.STALKING && firstStalk < 0) {
                firstStalk = i;
            }
        }
        assertEquals(CatPosture.STALKING, last);
        assertEquals(15, firstStalk, "stalking once the pose held for 0.5 s");
    }

    @Test
    void aFastBurstAtTheRatIsALungeThatOutlastsTheBurstBriefly() {
        RuleBasedClassifier c = new RuleBasedClassifier();
        assertEquals(CatPosture.LUNGING, c.classify(frame(0, animal(300, 200, 500, 0, 0, 100, 40), RAT, false)).cat());
        assertEquals(CatPosture.LUNGING, c.classify(frame(3, animal(400, 200, 10, 0, 0, 100, 40), RAT, false)).cat());
        assertEquals(CatPosture.CALM, c.classify(frame(20, animal(400, 200, 10, 0, Math.PI, 100, 60), RAT, false)).cat());
        // just as fast, but away from the rat: not a lunge
        RuleBasedClassifier d = new RuleBasedClassifier();
        assertEquals(CatPosture.CALM, d.classify(frame(0, animal(300, 200, -500, 0, Math.PI, 100, 40), RAT, false)).cat());
    }

    @Test
    void theRatHidesInCoverOrOutOfSightAndFleesFastAwayFromTheCat() {
        RuleBasedClassifier c = new RuleBasedClassifier();
        AnimalFeatures cat = animal(300, 200, 0, 0, 0, 100, 45);
        assertEquals(RatState.FLEEING, c.classify(frame(0, cat, animal(400, 200, 200, 0, 0, 40, 15), false)).rat());
        assertEquals(RatState.EXPLORING, c.classify(frame(1, cat, animal(400, 200, -200, 0, Math.PI, 40, 15), false)).rat(),
                "running fast towards the cat is not fleeing");
        assertEquals(RatState.HIDING, c.classify(frame(2, cat, animal(400, 200, 0, 0, 0, 40, 15), true)).rat());
        AnimalFeatures gone = new AnimalFeatures(false, 400, 200, 0, 0, 0, 0, 0, 0, 40, 15, 2.7, 600, 12);
        assertEquals(RatState.HIDING, c.classify(frame(3, cat, gone, true)).rat());
    }

    @Test
    void noCatInViewHasNoPostureAndANeverSeenRatHasNoState() {
        RuleBasedClassifier c = new RuleBasedClassifier();
        Labels l = c.classify(frame(0, AnimalFeatures.NEVER_SEEN, AnimalFeatures.NEVER_SEEN, false));
        assertNull(l.cat());
        assertNull(l.rat());
        assertEquals(3, l.catProbabilities().length);
    }
}
