package truce.track;

import truce.detect.Blobs;

/**
 * The rat's track left on a thing while a rat walks elsewhere: a blob that has not stirred by a pixel for seconds
 * (a toy or a ghost handed over in a contact), one that has only ever lain where it was taken (a toy taken at the
 * first sighting), or a round one (a rolling ball). The track is lost, or goes over to an unclaimed blob that
 * walks like a rat; without these rules it stayed "visible" on the thing for hundreds of frames.
 */
final class GiveWay {
    private final TrackerSettings s;
    private final Scale scale;
    private final FrameInHand frame;
    private final Track cat;
    private final Track rat;
    private final Likeness likeness;
    private final Strays strays;
    private final Measure measure;

    GiveWay(TrackerSettings settings, Scale scale, FrameInHand frame, Track cat, Track rat, Likeness likeness,
            Strays strays, Measure measure) {
        this.s = settings;
        this.scale = scale;
        this.frame = frame;
        this.cat = cat;
        this.rat = rat;
        this.likeness = likeness;
        this.strays = strays;
        this.measure = measure;
    }

    /**
     * A blob that neither moved by a pixel (or half a working pixel, whichever is more) nor changed its size by
     * this share (or by {@link #RIGID_WORK_PIXELS} working pixels, whichever is more) for {@link #RIGID_S} is
     * rigid: a small blob's edge pixel flickering moves its centroid by a good part of a working pixel.
     */
    private static final double RIGID_PX = 1.0;
    private static final double RIGID_SHARE = 0.03;
    /**
     * A small still toy (19 working pixels in seed 8086 scene-04) gains or loses a pixel at its edge every few
     * frames as noise crosses the threshold: 5 % of its area, which by the share alone made it move.
     */
    private static final double RIGID_WORK_PIXELS = 2;
    /** Longer than a rat freezes (1-3 s): a real one stirs, sniffs or breathes its blob out of shape before. */
    private static final double RIGID_S = 4.0;
    /**
     * Far longer than a rat freezes: a blob this still is a thing (a toy, a ghost) even when no other blob
     * offers itself as the rat: the rat has gone out of sight (into cover, or it is too like the floor to show).
     */
    private static final double RIGID_ALONE_S = 8.0;

    /**
     * How far a still blob's centroid and area may flicker and still count as unmoved: a pixel or half a working
     * pixel, and {@link #RIGID_WORK_PIXELS} working pixels of area (set with the detector, whose working image
     * decides them).
     */
    private double rigidPx = RIGID_PX;
    private double rigidAreaStep = RIGID_WORK_PIXELS + 1e-9;

    /** Sets the flicker a still blob may show by the detector's working pixel (its area in source pixels). */
    void workPixelArea(double work) {
        this.rigidPx = Math.max(RIGID_PX, 0.5 * Math.sqrt(work));
        this.rigidAreaStep = RIGID_WORK_PIXELS * work + 1e-9;
    }

    /**
     * A rat held for seconds on a blob that keeps its place ({@link #atPlace}: a toy or a ghost it was handed while
     * they touched) while an unclaimed blob that moves and looks like a rat is loose elsewhere is lost, and not
     * taken back by that still blob: the usual return of a lost rat then decides (handing it straight to the moving
     * blob took a wrong one as often as not). Without this it stayed "visible" on the still blob for ever (seed
     * 9001 8x60 scene-07 and scene-04, seed 424242 scene-05: for over 1000 frames). With no such blob about, only a
     * blob that has not moved by a pixel nor changed its size ({@link #onRigidBlob}) for {@link #RIGID_ALONE_S} is
     * given up: a rat grooming in place keeps its place that long, never its exact state.
     */
    void leaveARigidBlob(Blobs blobs, int n, int c, int r) {
        Track t = rat;
        if (!onItsOwnBlob(r)) {
            return;
        }
        if (t.place.area <= 0 || !atPlace(t, blobs, r)) {
            t.place.set(blobs, r, frame.nowMs);
        } else if (frame.nowMs - t.place.sinceMs >= RIGID_S * 1000 && aRatWalksElsewhere(t, blobs, n, c, r)) {
            measure.lose(t);
            t.place.left = true;
            return;
        }
        if (t.rigid.area <= 0 || !onRigidBlob(t, blobs, r)) {
            t.rigid.set(blobs, r, frame.nowMs);
            return;
        }
        if (frame.nowMs - t.rigid.sinceMs < RIGID_S * 1000) {
            return;
        }
        if (frame.nowMs - t.rigid.sinceMs >= RIGID_ALONE_S * 1000) {
            measure.lose(t);
            t.rigid.left = true;
        }
    }

    /** Whether an unclaimed blob a length or more from the track looks plainly like the rat ({@link #looksLikeTheRat}). */
    private boolean aRatWalksElsewhere(Track t, Blobs blobs, int n, int c, int r) {
        double len = t.span();
        for (int j = 0; j < n; j++) {
            if (j != c && j != r && frame.candidate[j]
                    && Math.hypot(blobs.cx(j) - t.x, blobs.cy(j) - t.y) >= len
                    && looksLikeTheRat(t, blobs, j)) {
                return true;
            }
        }
        return false;
    }

    /**
     * Whether blob {@code i} is still at the place the track's blob has kept: its centroid within a quarter of the
     * blob's length of it, its area within a third. A thing that a speck beside it joins and leaves, or whose
     * edge flickers, takes state after state and so never stays {@link #onRigidBlob} for seconds, but it stays in
     * its place (seed 4358898 scene-05 at 28-44 s: six states, area 1104-1632, centroid within 7 px, off each one
     * for 3 frames or more every 0.1-2 s). A rat keeps its place as long only grooming or asleep, so this
     * gives the track up only for a rat walking elsewhere, never alone.
     */
    boolean atPlace(Track t, Blobs b, int i) {
        return Math.hypot(b.cx(i) - t.place.x, b.cy(i) - t.place.y) <= PLACE_SHARE * b.length(i)
                && Math.abs(b.area(i) - t.place.area) <= t.place.area / 3;
    }

    /** How far, in its own lengths, a blob's centroid may wander and still be at its place ({@link #atPlace}). */
    private static final double PLACE_SHARE = 0.25;

    /**
     * The rat's track on a blob still for this long, that never went off where it was taken (a toy lying there
     * from the first frame), gives way to a rat walking elsewhere (ms): shorter than a rat freezes, so the real
     * rat is followed from its first steps, but the track's blob has not stirred by a pixel in that time.
     */
    private static final double GIVE_WAY_STILL_MS = 1000;
    /** A blob seen without a break for this long (over {@link Strays#STALE_STRAY} frames) that is not stale walks. */
    private static final double WALKING_RUN_MS = 400;

    /**
     * A rat's track whose blob has only ever lain still where it was taken (a toy taken at the first sighting,
     * when nothing had moved yet to tell a rat from a toy: seed 2718281 scenes 01 and 07) gives way to an
     * unclaimed blob that walks like a rat ({@link #walksLikeARat}; of several, the one that came farthest without
     * a break): the track goes over to it as the rat taken anew. A rat that walked since it was taken and then
     * froze keeps its track (its blob went off where it was taken); one in cover is not visible and is not
     * concerned. A lost track is not either: letting a lost rat that never moved be taken anywhere by a walking
     * blob (seed 7777 scene-02's speck) took pieces of the cat and hands on the whole list. Returns the rat's blob.
     */
    int giveWayToAWalkingRat(Blobs blobs, int n, int c, int r, double dt) {
        Track t = rat;
        if (!onItsOwnBlob(r) || t.movedOff || t.rigid.area <= 0 || !onRigidBlob(t, blobs, r)
                || frame.nowMs - t.rigid.sinceMs < GIVE_WAY_STILL_MS) {
            return r;
        }
        return takeAWalkingRat(blobs, n, c, r, dt, true);
    }

    /**
     * Hands the rat's track to the unclaimed blob that walks like a rat ({@link #walksLikeARat}): of several, the
     * one that came farthest without a break ({@code farthestWalked}) or else the nearest to the track. Returns the
     * rat's blob: that one, or {@code r} when there is none.
     */
    private int takeAWalkingRat(Blobs blobs, int n, int c, int r, double dt, boolean farthestWalked) {
        Track t = rat;
        int pick = -1;
        double best = farthestWalked ? 0 : Double.NEGATIVE_INFINITY; // one that came no way at all is not picked
        for (int j = 0; j < n; j++) {
            if (j != c && j != r && frame.candidate[j] && walksLikeARat(t, blobs, j)) {
                double score = farthestWalked
                        ? Math.hypot(blobs.cx(j) - strays.runX(j), blobs.cy(j) - strays.runY(j))
                        : -Math.hypot(blobs.cx(j) - t.x, blobs.cy(j) - t.y);
                if (score > best) {
                    best = score;
                    pick = j;
                }
            }
        }
        if (pick < 0) {
            return r;
        }
        takeAnew(t, blobs, pick, dt);
        return pick;
    }

    /** Frames in a row on a round blob (a third of a second) before the rat's track looks for the rat elsewhere. */
    private static final int BALL_FRAMES = 10;
    /** Frames in a row on a round blob (half a second) after which, with no rat walking elsewhere, the track is lost. */
    private static final int BALL_LOST_FRAMES = 15;

    /**
     * A rat's track on a round blob (a rolling ball: a rat is never round, as at its first sighting) for
     * {@link #BALL_FRAMES} in a row, while an unclaimed blob walks like a rat ({@link #walksLikeARat}; of several,
     * the nearest), goes over to that blob as the rat taken anew. Handed the ball as the rat came out of a contact
     * or of cover, the track had learnt the ball's size and then refused the real rat beside it for seconds (seed
     * 424242 scene-05 at 1307, scene-03 at 613: 170 frames each). With no such blob by {@link #BALL_LOST_FRAMES},
     * the rat went out of sight as the track took the ball: the track is lost where its blob was last rat-shaped
     * (by the shelter's door it slipped into), and takes no round blob until it has a rat-shaped one again. A
     * round blob within its own length of that place is the rat curled up, and keeps its track. On the
     * four deciding sets a true rat's blob was round on 2 frames in 27,359, while the track sat on a round blob
     * with the rat out of view for 1,018 (seed 27182 scene-02 at 1430: 298 frames on a ball as the rat hid).
     * Returns the rat's blob ({@link IdentityTracker#NONE} once lost).
     */
    int leaveABall(Blobs blobs, int n, int c, int r, double dt) {
        Track t = rat;
        if (!onItsOwnBlob(r)) {
            t.roundFrames = 0;
            return r;
        }
        if (Likeness.elongation(blobs, r) >= s.minRatElongation()) {
            t.roundFrames = 0;
            t.ballLeft = false;
            t.shapedX = t.x;
            t.shapedY = t.y;
            t.shapedNearCover = t.lastSeenNearCover;
            t.shapedAtEdge = t.lastSeenAtEdge;
            return r;
        }
        if (++t.roundFrames < BALL_FRAMES) {
            return r;
        }
        int taken = takeAWalkingRat(blobs, n, c, r, dt, false);
        if (taken != r || t.roundFrames < BALL_LOST_FRAMES || Double.isNaN(t.shapedX)
                || Math.hypot(t.x - t.shapedX, t.y - t.shapedY) <= t.span()) {
            return taken; // a rat curled up round lies where it last was rat-shaped, a ball it jumped to apart
        }
        measure.lose(t);
        measure.moveTo(t, t.shapedX, t.shapedY);
        t.lastSeenNearCover = t.shapedNearCover;
        t.lastSeenAtEdge = t.shapedAtEdge;
        t.roundFrames = 0;
        t.ballLeft = true;
        return IdentityTracker.NONE;
    }

    /** Whether the rat's track is in view on a blob {@code r} of its own (not shared with the cat): what these rules judge. */
    private boolean onItsOwnBlob(int r) {
        return r >= 0 && rat.visible && !rat.inContact;
    }

    /** The rat's track goes over to blob {@code pick}: no velocity, size and stillness carried over. */
    private void takeAnew(Track t, Blobs blobs, int pick, double dt) {
        t.visible = false;
        t.refArea = 0;
        t.rigid.clear();
        t.place.clear();
        t.roundFrames = 0;
        t.ballLeft = false;
        t.area = blobs.area(pick);
        likeness.ratTakenAnew(blobs.area(pick));
        measure.measure(t, blobs, pick, dt, false);
    }

    /**
     * Whether unclaimed blob {@code i} walks like a rat: in view without a break for {@link #WALKING_RUN_MS} and
     * yet not stale (it moved meanwhile), and plainly the rat by the tests of a new one (the contrast bar, not
     * round, clear of the border and of the cat (over 1.2 of its lengths), no thing lying still beneath it,
     * rat-sized by the floor's scale or else by the track's size, under half the cat's usual size).
     */
    boolean walksLikeARat(Track t, Blobs b, int i) {
        double area = b.area(i);
        boolean ratSized = scale.scaleKnown ? scale.cm2(area) >= Likeness.SMALLEST_RAT_CM2
                : area >= 0.5 * t.refArea;
        boolean notTheCat = cat.everSeen ? area < 0.5 * cat.refArea : likeness.catLikeness(area) < 0.5;
        if (!ratSized || !notTheCat || likeness.failsRatShape(b, i) || strays.coversAFixture(b, i)
                || likeness.catLengthsAway(b, i) <= 1.2) {
            return false;
        }
        // seen without a break for longer than a still blob takes to go stale, yet not stale: it moved meanwhile
        return !strays.stale(i) && frame.nowMs - strays.runMs(i) >= WALKING_RUN_MS;
    }

    /** Whether blob {@code i} is where, and as big as, the track's blob was when it last moved. */
    boolean onRigidBlob(Track t, Blobs b, int i) {
        return Math.abs(b.cx(i) - t.rigid.x) <= rigidPx && Math.abs(b.cy(i) - t.rigid.y) <= rigidPx
                && Math.abs(b.area(i) - t.rigid.area) <= Math.max(RIGID_SHARE * t.rigid.area, rigidAreaStep);
    }

    /** An unclaimed blob that is plainly the rat: on the move, rat-like in size and shape, away from the cat. */
    private boolean looksLikeTheRat(Track t, Blobs b, int i) {
        // not a piece of the cat (the same reach as a lost rat's return)
        return likeness.ratSizedAndShaped(b, i, t.refArea) && likeness.catLengthsAway(b, i) > 0.8;
    }
}
