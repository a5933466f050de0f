package truce.classify;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class LabelSmootherTest {
    private static final int CALM = 0;
    private static final int STALKING = 1;
    private static final int LUNGING = 2;

    private static float[] p(float calm, float stalk, float lunge) {
        return new float[] {calm, stalk, lunge};
    }

    @Test
    void aLungeIsReportedOnTheFirstFrameTheModelSeesIt() {
        LabelSmoother s = new LabelSmoother(LUNGING, 0.5f, 3);
        for (int i = 0; i < 20; i++) {
            assertEquals(STALKING, s.step(p(0.1f, 0.85f, 0.05f)));
        }
        // Onset at frame 0 of this sequence; the raw model needs two frames to pick it up.
        int onsetFrame = 0;
        float[][] lunge = {p(0.1f, 0.7f, 0.2f), p(0.1f, 0.45f, 0.45f), p(0.05f, 0.15f, 0.8f), p(0f, 0.05f, 0.95f)};
        int reported = -1;
        for (int t = 0; t < lunge.length; t++) {
            if (s.step(lunge[t]) == LUNGING && reported < 0) {
                reported = t;
            }
        }
        assertEquals(2, reported, "reported on the first frame the lunge wins");
        assertTrue(reported - onsetFrame <= 3);
    }

    @Test
    void aLungeCanEndOnTheFrameItEndsWhileOtherLabelsKeepTheirDwell() {
        LabelSmoother quick = new LabelSmoother(LUNGING, 0.5f, 1, 3, 1);
        LabelSmoother held = new LabelSmoother(LUNGING, 0.5f, 1, 3, 3);
        for (LabelSmoother s : new LabelSmoother[] {quick, held}) {
            s.step(p(0.1f, 0.85f, 0.05f));
            assertEquals(LUNGING, s.step(p(0f, 0.1f, 0.9f)));
        }
        assertEquals(CALM, quick.step(p(0.8f, 0.1f, 0.1f)), "the burst is over");
        assertEquals(LUNGING, held.step(p(0.8f, 0.1f, 0.1f)), "held for the dwell");
        // leaving calm still needs the full dwell
        assertEquals(CALM, quick.step(p(0.2f, 0.8f, 0f)));
        assertEquals(CALM, quick.step(p(0.2f, 0.8f, 0f)));
        assertEquals(STALKING, quick.step(p(0.2f, 0.8f, 0f)));
    }

    @Test
    void aSingleStrayFrameDoesNotFlipTheLabel() {
        LabelSmoother s = new LabelSmoother(LUNGING, 0.5f, 3);
        s.step(p(0.9f, 0.1f, 0f));
        assertEquals(CALM, s.step(p(0.3f, 0.7f, 0f)));
        assertEquals(CALM, s.step(p(0.9f, 0.1f, 0f)));
        assertEquals(CALM, s.step(p(0.3f, 0.7f, 0f)));
        assertEquals(CALM, s.step(p(0.3f, 0.7f, 0f)));
        assertEquals(STALKING, s.step(p(0.3f, 0.7f, 0f)), "a third frame in a row changes it");
    }

    @Test
    void aLungeBelowTheThresholdIsNeverReportedHoweverLongItWins() {
        LabelSmoother s = new LabelSmoother(LUNGING, 0.7f, 3);
        s.step(p(0.9f, 0.1f, 0f));
        for (int i = 0; i < 10; i++) {
            assertEquals(CALM, s.step(p(0.2f, 0.2f, 0.6f)));
        }
        assertEquals(LUNGING, s.step(p(0.1f, 0.1f, 0.8f)));
        assertEquals(LUNGING, s.step(p(0.6f, 0.1f, 0.3f)), "leaving a lunge takes the dwell");
        assertEquals(LUNGING, s.step(p(0.6f, 0.1f, 0.3f)));
        assertEquals(CALM, s.step(p(0.6f, 0.1f, 0.3f)));
    }

    @Test
    void withAConfirmOfTwoAOneFrameSpikeIsNoLungeAndASustainedOneIsReportedOnItsSecondFrame() {
        LabelSmoother s = new LabelSmoother(LUNGING, 0.8f, 2, 3);
        s.step(p(0.9f, 0.1f, 0f));
        assertEquals(CALM, s.step(p(0.05f, 0.05f, 0.9f)), "one frame above the threshold is not enough");
        assertEquals(CALM, s.step(p(0.8f, 0.1f, 0.1f)));
        assertEquals(CALM, s.step(p(0.05f, 0.05f, 0.9f)), "the run starts again after a drop");
        assertEquals(LUNGING, s.step(p(0.05f, 0.1f, 0.85f)), "the second frame in a row is reported");
        s.reset();
        s.step(p(0.9f, 0.1f, 0f));
        assertEquals(CALM, s.step(p(0.05f, 0.05f, 0.9f)), "reset forgets the run");
    }

    @Test
    void resetForgetsTheLabel() {
        LabelSmoother s = new LabelSmoother(LUNGING, 0.5f, 3);
        s.step(p(0.9f, 0.1f, 0f));
        s.reset();
        assertEquals(STALKING, s.step(p(0.2f, 0.8f, 0f)));
    }
}
