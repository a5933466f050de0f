package truce.classify;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import truce.features.AnimalFeatures;
import truce.features.FrameFeatures;

class FeatureEncoderTest {

    /**
     * A cat sitting (short, wide) for 200 frames, then stretching long and narrow and creeping, then bursting
     * forward; a rat beside it. Every pixel measure is multiplied by {@code s} (areas by s^2).
     */
    private static List<FrameFeatures> scene(double s) {
        List<FrameFeatures> out = new ArrayList<>();
        double cx = 100;
        for (int t = 0; t < 260; t++) {
            boolean stalking = t >= 200;
            double step = t < 200 ? 0 : t < 250 ? 0.3 : 12; // px per frame at scale 1
            cx += step;
            double len = stalking ? 60 : 40;
            double wid = stalking ? 16 : 22;
            double v = step * 30;
            AnimalFeatures cat = new AnimalFeatures(true, cx * s, 200 * s, v * s, 0, v * s, v / len, 0, 0,
                    len * s, wid * s, len / wid, len * wid * 0.8 * s * s, 0);
            AnimalFeatures rat = new AnimalFeatures(true, 500 * s, 200 * s, 0, 0, 0, 0, 0, Math.PI,
                    25 * s, 10 * s, 2.5, 200 * s * s, 0);
            double d = (500 - cx) * s;
            out.add(new FrameFeatures(t, t * 1000.0 / 30, cat, rat, d, d / (len * s), v * s, 0.1, false));
        }
        return out;
    }

    private static float[][] encode(List<FrameFeatures> frames) {
        FeatureEncoder e = new FeatureEncoder();
        float[][] out = new float[frames.size()][FeatureEncoder.CHANNELS];
        for (int t = 0; t < frames.size(); t++) {
            e.encode(frames.get(t), out[t], 0);
        }
        return out;
    }

    @Test
    void theCameraScaleDoesNotChangeTheEncoding() {
        float[][] near = encode(scene(2.5));
        float[][] far = encode(scene(0.6));
        for (int t = 0; t < near.length; t++) {
            for (int c = 0; c < FeatureEncoder.CHANNELS; c++) {
                // the references are kept on a log scale of 3 % bins: ratios agree to within a bin
                assertEquals(near[t][c], far[t][c], 0.1, "frame " + t + " channel " + c);
            }
        }
    }

    @Test
    void aStretchedNarrowCatReadsLongAndThinAgainstItsOwnUsualShape() {
        float[][] f = encode(scene(1));
        assertEquals(0, f[150][FeatureEncoder.CAT_LENGTH], 0.05, "sitting: its usual length");
        assertEquals(0, f[150][FeatureEncoder.CAT_WIDTH], 0.05, "sitting: its usual width");
        assertTrue(f[210][FeatureEncoder.CAT_LENGTH] > 1, "stalking: 1.5 x its usual length, " + f[210][4]);
        assertTrue(f[210][FeatureEncoder.CAT_WIDTH] < -0.8, "stalking: 0.73 x its usual width, " + f[210][5]);
    }

    @Test
    void aBurstShowsInTheRawStepOnItsFirstFrame() {
        float[][] f = encode(scene(1));
        assertEquals(0f, f[150][FeatureEncoder.CAT_STEP], "still");
        assertTrue(f[249][FeatureEncoder.CAT_STEP] < 0.1f, "creeping: a fraction of a length per second");
        // 12 px per frame, 360 px/s, is 9 median lengths (40 px) per second: /4 in the encoding
        assertEquals(2.25f, f[250][FeatureEncoder.CAT_STEP], 0.15f, "the first frame of the burst");
    }

    @Test
    void aOneFrameLeapOfTheTrackIsMarkedAsAJumpAndKeptOutOfTheSteps() {
        List<FrameFeatures> frames = new ArrayList<>(scene(1));
        // an identity correction: the sitting cat's centroid leaps a body length (40 px) at frame 150 and stays
        for (int t = 150; t < 200; t++) {
            FrameFeatures f = frames.get(t);
            AnimalFeatures c = f.cat();
            frames.set(t, new FrameFeatures(f.frame(), f.timeMs(), new AnimalFeatures(true, c.x() + 40, c.y(), c.vx(),
                    c.vy(), c.speed(), c.speedBodyLengths(), 0, 0, c.bodyLength(), c.bodyWidth(), c.elongation(),
                    c.area(), 0), f.rat(), f.distance() - 40, f.distanceCatLengths(), 0, 0.1, false));
        }
        float[][] f = encode(frames);
        assertEquals(0f, f[149][FeatureEncoder.CAT_JUMP], "no jump yet");
        assertEquals(1f, f[150][FeatureEncoder.CAT_JUMP], "the leap");
        assertEquals(0f, f[150][FeatureEncoder.CAT_STEP], "a leap is no step");
        assertTrue(f[150][11] <= f[149][11], "nor a burst");
        assertEquals(0.8f, f[151][FeatureEncoder.CAT_JUMP], 1e-6f, "remembered, fading");
        assertTrue(f[170][FeatureEncoder.CAT_JUMP] < 0.02f, "forgotten within a second");
        assertEquals(0f, f[150][FeatureEncoder.RAT_JUMP], "the rat did not jump");
        // a real burst (0.3 lengths a frame) is still a step, not a jump
        assertTrue(f[250][FeatureEncoder.CAT_JUMP] < 1e-3f, "only the faded memory of the leap back at frame 200");
        assertTrue(f[250][FeatureEncoder.CAT_STEP] > 2f);
    }

    /**
     * A cat that spends {@code usualFrames} frames in one shape (length x width px) and then walks (60 x 24) for 30
     * frames; the rat three lengths ahead, the cat pointing at it ({@code pointed}) or across.
     */
    private static List<FrameFeatures> shapes(double usualLen, double usualWid, int usualFrames, double usualSpeed,
                                              boolean pointed) {
        List<FrameFeatures> out = new ArrayList<>();
        double cx = 100;
        for (int t = 0; t < usualFrames + 30; t++) {
            boolean walking = t >= usualFrames;
            double len = walking ? 60 : usualLen;
            double wid = walking ? 24 : usualWid;
            double v = walking ? 45 : usualSpeed; // px/s: 0.75 lengths a second walking
            cx += v / 30;
            AnimalFeatures cat = new AnimalFeatures(true, cx, 200, v, 0, v, v / len, 0, pointed ? 0 : Math.PI / 2,
                    len, wid, len / wid, len * wid * 0.8, 0);
            AnimalFeatures rat = new AnimalFeatures(true, cx + 180, 200, 0, 0, 0, 0, 0, Math.PI, 25, 10, 2.5, 200, 0);
            out.add(new FrameFeatures(t, t * 1000.0 / 30, cat, rat, 180, 3, 0, pointed ? 0 : Math.PI / 2, false));
        }
        return out;
    }

    @Test
    void aWalkingCatsOwnShapeReadsTheSameWhateverItDidBefore() {
        // the same walking frame after a minute of sitting (short, wide) or of walking
        float[] afterSitting = encode(shapes(40, 28, 1800, 0, false)).clone()[1829];
        float[] afterWalking = encode(shapes(60, 24, 1800, 45, false))[1829];
        // against the stream's median it reads stretched after sitting, usual after walking ...
        assertTrue(afterSitting[FeatureEncoder.CAT_LENGTH] - afterWalking[FeatureEncoder.CAT_LENGTH] > 1);
        // ... its own elongation (2.5) is the same in both, and nothing like a stalking cat's (60 x 16: 3.75)
        assertEquals(afterWalking[FeatureEncoder.CAT_ELONGATION], afterSitting[FeatureEncoder.CAT_ELONGATION], 1e-6);
        assertEquals(0, afterWalking[FeatureEncoder.CAT_ELONGATION], 0.01);
        float[] stalking = encode(shapes(60, 16, 100, 0, true))[99];
        assertEquals(3 * Math.log(3.75 / 2.5), stalking[FeatureEncoder.CAT_ELONGATION], 0.01);
        assertEquals(3 * Math.log(3.75 / 2.5), stalking[FeatureEncoder.CAT_ELONGATION_1S], 0.01, "held a while");
    }

    @Test
    void theMemoriesCarryAStalksSignsOverSeconds() {
        // a long, narrow cat holding still, pointed at the rat for 3 s, then walking for a second
        float[][] stalk = encode(shapes(60, 16, 90, 0, true));
        float[][] across = encode(shapes(60, 16, 90, 0, false));
        assertTrue(stalk[89][FeatureEncoder.CAT_POINTED_3S] > 0.6f, "pointed at the rat 3 s: " + stalk[89][32]);
        assertEquals(0f, across[89][FeatureEncoder.CAT_POINTED_3S], "pointed across");
        assertTrue(stalk[89][FeatureEncoder.CAT_SINCE_FAST] > 0.99f, "no fast move yet");
        assertEquals(0f, stalk[100][FeatureEncoder.CAT_SINCE_FAST], "walking: a fast move just now");
        assertTrue(stalk[89][FeatureEncoder.CAT_SPEED_1S] < 1e-6f);
        assertTrue(stalk[119][FeatureEncoder.CAT_SPEED_1S] > 0.4f, "a second of walking at 0.75 lengths/s");
        // the slow shape memories lag the frame's own shape: a second after it started walking, the three-second
        // one still remembers the stalk
        assertTrue(stalk[119][FeatureEncoder.CAT_ELONGATION_3S] > stalk[119][FeatureEncoder.CAT_ELONGATION_1S] + 0.1f);
        assertTrue(stalk[119][FeatureEncoder.CAT_ELONGATION_1S] > stalk[119][FeatureEncoder.CAT_ELONGATION] + 0.1f);
    }

    @Test
    void resetForgetsTheStream() {
        List<FrameFeatures> frames = scene(1);
        FeatureEncoder e = new FeatureEncoder();
        float[] used = new float[FeatureEncoder.CHANNELS];
        for (FrameFeatures f : frames) {
            e.encode(f, used, 0);
        }
        e.reset();
        float[] afterReset = new float[FeatureEncoder.CHANNELS];
        e.encode(frames.get(220), afterReset, 0);
        float[] fresh = new float[FeatureEncoder.CHANNELS];
        new FeatureEncoder().encode(frames.get(220), fresh, 0);
        assertArrayEquals(fresh, afterReset);
    }

    /**
     * v5: the shape net's readings reach the net standardised (a stalking body's 1.15 stretch and 0.8 width read
     * +0.75 and -1.25), only while the cat is in view, and all the other channels are the same with or without them.
     */
    @Test
    void theShapeReadingsFillTheirOwnChannelsOnly() {
        List<FrameFeatures> frames = scene(1);
        float[] reading = {1f, 1.15f, 0.8f, 0.9f, 0.05f};
        float[] with = new float[FeatureEncoder.CHANNELS];
        float[] without = new float[FeatureEncoder.CHANNELS];
        FeatureEncoder a = new FeatureEncoder();
        FeatureEncoder b = new FeatureEncoder();
        for (FrameFeatures f : frames) {
            a.encode(f, reading, 0, with, 0);
            b.encode(f, without, 0);
        }
        int c = FeatureEncoder.CAT_SHAPE;
        assertArrayEquals(java.util.Arrays.copyOf(without, c), java.util.Arrays.copyOf(with, c));
        assertArrayEquals(new float[] {1f, 0.75f, -1.25f, 0.9f, 0.05f},
                java.util.Arrays.copyOfRange(with, c, c + ShapeNet.READINGS), 1e-5f);
        assertArrayEquals(new float[ShapeNet.READINGS], java.util.Arrays.copyOfRange(without, c, c + ShapeNet.READINGS));
        FrameFeatures last = frames.get(frames.size() - 1);
        FrameFeatures gone = new FrameFeatures(last.frame() + 1, last.timeMs() + 33, AnimalFeatures.NEVER_SEEN,
                last.rat(), Double.NaN, Double.NaN, 0, Double.NaN, false);
        a.encode(gone, reading, 0, with, 0);
        assertArrayEquals(new float[ShapeNet.READINGS], java.util.Arrays.copyOfRange(with, c, c + ShapeNet.READINGS),
                "no reading of a cat out of view");
    }
}
