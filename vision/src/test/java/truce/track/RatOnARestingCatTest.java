package truce.track;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static truce.track.ReplayedBlobs.box;
import static truce.track.ReplayedBlobs.centred;

import java.util.List;
import org.junit.jupiter.api.Test;
import truce.detect.Blobs;
import truce.floor.FloorMap;

/**
 * A rat comes up to a cat lying still and climbs onto its head (seed 27182 scene-00 at 821-900): for seconds the
 * two are one blob. Split around the two tracks, the cat's share reached over the rat, the split's cat seed slid
 * with it, and the cat was reported 30-50 px towards the rat while it never moved. Replayed blobs: a split that
 * gives the cat a share of its own size a quarter of the way from the cat's seed to the rat's (as the real split
 * did with the rat on the cat's head). A cat lying still when the contact begins stays where it lay; a cat that
 * gets up and walks off with the rat still on it is followed, and one that pounces from stillness is followed at
 * once (seed 424242 scene-02 at 384-400: a cat staring still at the rat was held where it lay through its pounce).
 */
class RatOnARestingCatTest {

    /** The cat: 160 x 60 px, lying still centred (380, 230) until {@link #getsUp} (never, or that frame). */
    private static final double CAT_X = 380;
    private static final double Y = 230;

    /** A walk off, in px a frame (0.47 of the cat's length a second). */
    private static final double WALK = 2.5;
    /** A pounce at the rat (to the left), in px a frame (2.8 lengths a second). */
    private static final double POUNCE = -15;

    /** The split of the joined blob: the cat's share where it is, the rat's at its seed. */
    private static final class SlidingSplit extends ReplayedDetector {
        private final int getsUp;
        private final double pace;
        private int frame;

        SlidingSplit(int getsUp, double pace) {
            super(1);
            this.getsUp = getsUp;
            this.pace = pace;
        }

        @Override
        public boolean split(Blobs blobs, int blob, double[] seeds, double[] expectedAreas, Blobs out) {
            out.clear();
            double x = frame >= getsUp ? catX(frame, getsUp, pace) : seeds[0] + 0.25 * (seeds[2] - seeds[0]);
            centred(out, x, Y, 160, 60, 220);
            centred(out, seeds[2], seeds[3], 60, 30, 200);
            return true;
        }
    }

    /** Where the cat really is: lying still, then off at {@code pace} px a frame (to the right when positive). */
    private static double catX(int f, int getsUp, double pace) {
        return CAT_X + pace * Math.max(0, f - getsUp);
    }

    /** The rat's centre: walking up from the left, then two seconds on the cat's head, then walking back. */
    private static double ratX(int f) {
        return f < 60 ? 150 + 2 * f : f < 120 ? 270 : 270 - 2 * (f - 120);
    }

    private static IdentityTracker run(int getsUp, double pace, int frames, FrameCheck check) {
        IdentityTracker t = new IdentityTracker(640, 480, new FloorMap(130, List.of()), TrackerSettings.DEFAULT);
        SlidingSplit split = new SlidingSplit(getsUp, pace);
        t.splitWith(split);
        Blobs b = new Blobs();
        for (int f = 0; f < frames; f++) {
            split.frame = f;
            b.clear();
            double cx = catX(f, getsUp, pace);
            double rx = ratX(f);
            if (f >= 60 && f < 120) {
                // touching: one blob, the rat over the head
                box(b, Math.min(rx - 30, cx - 80), Y - 30, Math.max(rx + 30, cx + 80), Y + 30, 220);
            } else {
                centred(b, cx, Y, 160, 60, 220);
                centred(b, rx, Y, 60, 30, 200);
            }
            t.update(b, f * 1000.0 / 30);
            check.at(f, t);
        }
        return t;
    }

    private interface FrameCheck {
        void at(int f, IdentityTracker t);
    }

    @Test
    void aCatLyingStillStaysWhereItLiesWhileTheRatIsOnIt() {
        IdentityTracker t = run(Integer.MAX_VALUE, WALK, 200, (f, tr) -> {
            Track cat = tr.cat();
            assertTrue(cat.visible() && Math.abs(cat.x() - CAT_X) < 3 && Math.abs(cat.y() - Y) < 3,
                    "the cat lies at (" + CAT_X + "," + Y + ") at frame " + f + ": (" + cat.x() + "," + cat.y() + ")");
        });
        Track rat = t.rat();
        assertTrue(rat.visible() && Math.abs(rat.x() - ratX(199)) < 5, "the rat walked back off: " + rat.x());
    }

    @Test
    void aCatThatGetsUpIsFollowed() {
        assertFollowed(70, WALK, 120, 40);
    }

    @Test
    void aCatThatPouncesFromStillnessIsFollowedAtOnce() {
        // half its length (80 px) from where it lay takes 6 frames at this pace: followed before that, once the
        // joined blob has left a fifth of the cat's place uncovered
        assertFollowed(70, POUNCE, 80, 4);
    }

    /** The cat that gets up at {@code getsUp} and goes off at {@code pace} is followed from {@code within} frames on. */
    private static void assertFollowed(int getsUp, double pace, int frames, int within) {
        run(getsUp, pace, frames, (f, tr) -> {
            Track cat = tr.cat();
            if (f >= getsUp + within) {
                assertTrue(cat.visible() && Math.abs(cat.x() - catX(f, getsUp, pace)) < 5,
                        "the cat goes off at " + pace + " px a frame; at frame " + f + ": " + cat.x() + " for "
                                + catX(f, getsUp, pace));
            }
        });
    }
}
