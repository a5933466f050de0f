package truce.track;

import truce.detect.Blobs;

/**
 * The two animals touching: when one blob is taken for both (its cost), splitting it around the two, how the rat's
 * part of it is measured (a lunge drags it along the cat's front: the rat then coasts on its own course), and when
 * a rat-like blob beside the contact is the rat come out of it (a take the next frames must prove). Without these
 * rules a rat run over by the cat, or hidden beside a resting one, stayed "in contact" for hundreds of frames.
 */
final class Contact {
    private final FrameInHand frame;
    private final Track cat;
    private final Track rat;
    private final Track[] both;
    private final Likeness likeness;
    private final Strays strays;
    private final Measure measure;
    private final OwnersArm arm;
    private final Blobs parts = new Blobs();
    private final double[] seeds = new double[4];
    private final double[] areas = new double[2];

    Contact(FrameInHand frame, Track cat, Track rat, Likeness likeness, Strays strays, Measure measure, OwnersArm arm) {
        this.frame = frame;
        this.cat = cat;
        this.rat = rat;
        this.both = new Track[] {cat, rat};
        this.likeness = likeness;
        this.strays = strays;
        this.measure = measure;
        this.arm = arm;
    }

    void reset() {
        takeFrames = 0;
    }

    /** The parts of the last contact blob {@link #split}: the cat's (0) and the rat's (1). */
    Blobs parts() {
        return parts;
    }

    /** Longest a rat is held as a part of a shared blob without once being seen apart (ms). */
    private static final double LONGEST_CONTACT_MS = 3000;

    double sharedCost(Blobs b, int i, double dt) {
        if (!cat.everSeen || !rat.everSeen || !(cat.visible || cat.framesUnseen <= 2)
                || !(rat.visible || rat.framesUnseen <= 2)) {
            return 1e9;
        }
        if (frame.nowMs - rat.apartMs > LONGEST_CONTACT_MS) {
            // The cat's blob alone passes for the two of them (over 0.9 of the cat's size and 0.2 of the rat's),
            // and a rat the split cannot find is held where it was: a rat that hid beside a resting cat stayed
            // "in contact" with it for hundreds of frames (seed 5150 scene-04 with a rat learnt from a stretch of
            // leash; seed 8086 scenes 00 and 07 and seed 7777 scene-00 with rats of their usual size). Seconds
            // on end with no sight of it apart, it is out of sight.
            return 1e9;
        }
        if (arm.catBesideTheShared(b, i, dt) || arm.ratApartWhereItWas(b, i, dt)) {
            return 1e9;
        }
        double m = 0.25 * Math.max(cat.length, rat.length);
        for (Track t : both) {
            double px = t.predictX(dt);
            double py = t.predictY(dt);
            if (!b.boxHolds(i, px, py, m)) {
                return 1e9;
            }
        }
        double ca = likeness.catSize();
        double ra = likeness.ratSize();
        if (b.area(i) < 0.9 * ca + 0.2 * ra) {
            return 1e9;
        }
        double sizeCost = Math.min(3, 1.2 * Math.abs(Math.log(b.area(i) / (ca + ra))));
        return 0.6 + sizeCost;
    }

    /**
     * Splits contact blob {@code b} around the two animals' predictions, each with its learnt size, into
     * {@link #parts} (the cat's part first); false when the detector cannot.
     */
    boolean split(Blobs blobs, int b) {
        seeds[0] = cat.x + cat.vx / 30;
        seeds[1] = cat.y + cat.vy / 30;
        seeds[2] = rat.x + rat.vx / 30;
        seeds[3] = rat.y + rat.vy / 30;
        areas[0] = likeness.catSize();
        areas[1] = likeness.ratSize();
        return frame.detector != null && frame.detector.split(blobs, b, seeds, areas, parts);
    }

    /** A rat's length over the side of a square of its area (a body twice as long as it is wide, from above). */
    private static final double RAT_LENGTH_PER_SIDE = 1.4;
    /** A fleeing rat covers up to ~7 of its lengths a second. */
    private static final double FLEE_LENGTHS = 8;

    /**
     * The unclaimed blob that is plainly the rat come apart from the contact blob {@code shared} the two are held
     * in, or -1: of the rat's size and shape (the contrast bar, not round, clear of the border), not lying there
     * unclaimed (stale, or a thing lying still), within a fleeing rat's reach of where it was last seen apart and
     * two of its lengths of where its part of the contact is, and coming out of the contact blob (within half the
     * rat's length of its box). A rat the lunging cat ran over flees on as a blob of its own while the cat's blob,
     * stretched by the rush, alone still passes for the two of them and holds the rat's prediction (dragged along
     * with the cat's front): the rat stayed "in contact" with the cat while the real rat ran 200 px into cover
     * (seed 424242 scene-05 at 346-380), then was lost by the cat, away from cover ("not in cover" while it hid).
     * The rat's length comes from its usual size: the part of a contact blob it is measured by says nothing of it.
     * A rat-like blob across the floor (seed 424242 scene-07 at 424: 100 px off the contact blob, 300 px from the
     * rat), one far from where the rat was (seed 424242 scene-02 at 324: a contact of a rat 200 px from the cat
     * through a bridge of shadow) or at the far end of a cat the rat has sat on for seconds (the demo at 523: the
     * owner's hand, 190 px from the rat) is something else.
     */
    int ratShowingApart(Blobs b, int n, int shared, double dt) {
        Track t = rat;
        double ref = likeness.ratUsualSize();
        // its length by its usual size (a part of a contact blob measures no length of the rat's own)
        double len = RAT_LENGTH_PER_SIDE * Math.sqrt(ref);
        double reach = len * (1 + FLEE_LENGTHS * Math.max(0, frame.nowMs - t.apartMs) / 1000.0);
        double px = t.predictX(dt);
        double py = t.predictY(dt);
        int pick = -1;
        double best = Double.MAX_VALUE;
        for (int j = 0; j < n; j++) {
            if (j == shared || !frame.candidate[j] || !likeness.ratSizedAndShaped(b, j, ref)
                    || strays.coversAFixture(b, j)) {
                continue;
            }
            double fromApart = Math.hypot(b.cx(j) - t.apartX, b.cy(j) - t.apartY);
            double d = Math.hypot(b.cx(j) - px, b.cy(j) - py);
            if (fromApart <= reach && b.boxGap(shared, j) <= 0.5 * len && d <= 2 * len && d < best) {
                best = d;
                pick = j;
            }
        }
        return pick;
    }

    /** Frames a rat taken apart from a contact must stay in view for the take to hold (a third of a second). */
    private static final int TAKE_PROOF_FRAMES = 10;
    /** The rat as it was in the contact it was last taken out of (see proveTheTake). */
    private final Track ratInContact = new Track(Animal.RAT);
    /** Frames since the rat was taken apart from a contact while that take is unproven (0: none). */
    private int takeFrames;

    /** The rat is taken apart from the contact ({@link #ratShowingApart}): kept as it was, until the take is proven. */
    void noteTheTake() {
        ratInContact.copyFrom(rat);
        takeFrames = 1;
    }

    /**
     * Undoes a take by ratShowingApart that the next frames disprove: a rat that fled from under the cat shows on
     * as a blob of its own, while a rat-sized blob beside a contact that goes again (or back into the cat's blob)
     * within a third of a second was something else (a shadow, a flicker at the cat's side). Seed 2236067 scene-05 at 350: a blob beside a
     * lying cat, gone two frames later, was taken while the real rat lay hidden against the cat, and the rat track
     * then wandered over the floor for the rest of the scene. The rat goes back to the contact it was taken from,
     * as if the take had not been.
     */
    void proveTheTake() {
        if (takeFrames == 0) {
            return;
        }
        if (!rat.visible || rat.inContact) {
            rat.copyFrom(ratInContact);
            takeFrames = 0;
        } else if (++takeFrames > TAKE_PROOF_FRAMES) {
            takeFrames = 0;
        }
    }

    /** The cat coming in at least this fast (body lengths per second) is lunging (a walk is under one). */
    private static final double LUNGE_SPEED = 1.5;
    /** Longest a rat run over by a lunging cat goes on its own course (a lunge lasts about half a second). */
    private static final int MAX_COAST_FRAMES = 20;

    /** Counts the frames of a contact that began with the cat rushing in (0: no such contact). */
    void noteLungeContact() {
        if (!rat.inContact) {
            rat.lungeFrames = cat.visible
                    && cat.lengthsPerSecond() > LUNGE_SPEED ? 1 : 0;
        } else if (rat.lungeFrames > 0) {
            rat.lungeFrames++;
        }
    }

    /**
     * The rat's part of a split contact blob. Its velocity is the one it had before the contact: the part's
     * centroid jumps as the split's boundary moves over the two bodies (seed 5150 scene-00 at 518-521: a rat
     * fleeing at 9 px a frame had its part slow to 5 px, stop and turn with the cat's front within three frames,
     * and a velocity learnt from that carried the split's seed onto the cat). A contact that began with the cat
     * rushing in is a lunge through the rat: while the rat's part is dragged along the cat's rush, ahead of where
     * the rat was heading, it is the cat's head, and the rat goes on its own course (it is under or behind the
     * cat) until its part moves otherwise, it shows apart, or the lunge is long over. A part that moves its own
     * way is the rat (the demo's rat bolting back past the cat at 2691 as the contact began).
     */
    void measureRatInContact(Blobs b, int i, double dt) {
        if (rat.lungeFrames > 0 && rat.lungeFrames <= MAX_COAST_FRAMES && draggedByTheCat(b.cx(i), b.cy(i), dt)) {
            measure.coast(rat, dt);
        } else {
            measure.measure(rat, b, i, dt, true);
        }
    }

    /** Whether a point lies over half the cat's step beyond the rat's prediction, along the cat's motion. */
    private boolean draggedByTheCat(double x, double y, double dt) {
        double v = Math.hypot(cat.vx, cat.vy);
        if (v <= 0) {
            return false;
        }
        double along = ((x - rat.predictX(dt)) * cat.vx + (y - rat.predictY(dt)) * cat.vy) / v;
        return along > 0.5 * v * dt;
    }
}
