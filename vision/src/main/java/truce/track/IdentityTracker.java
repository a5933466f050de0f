package truce.track;

import truce.detect.AnimalDetector;
import truce.detect.Blobs;
import truce.floor.FloorMap;

/**
 * Stage "track": says which blob is the cat and which the rat, frame after frame.
 *
 * <p>Every frame it weighs each way of giving the blobs to the two animals (a blob each, one blob shared
 * by both when they touch, or nothing) by how far each blob is from where the animal was heading, how well
 * its size matches the animal's, and whether its size says cat or rat. Size rests on centimetres when the
 * view width is known, on the two animals' learned sizes once they were seen apart, and otherwise on an
 * assumed view width. A blob shared by both is split around the two predictions. An animal that vanishes is
 * only taken back by a blob where it could reappear: beside the cover it went into, at the edge it left by,
 * or near where it was. Extra blobs (a hand, a toy, a reflection) are left alone.
 *
 * <p>This class holds the two tracks and runs the frame; the rules live in package-private pieces that share the
 * tracks, the {@link Scale} and the {@link FrameInHand}: {@link AssignmentCost} (what giving a blob to an animal
 * costs), {@link Contact} (one blob for both), {@link OwnersArm} (an arm over the edge), {@link RestingCat} (a
 * still cat keeps its place), {@link GiveWay} (the rat's track on a thing), {@link Hiding} (in cover or not),
 * {@link Measure} (a blob's measurements into a track), {@link Likeness} (what size and shape say) and
 * {@link Strays} (the unclaimed blobs).
 */
public final class IdentityTracker {
    static final int NONE = -1;
    static final int SHARED = -2;

    private final Scale scale;
    private final FrameInHand frame = new FrameInHand();
    private final Track cat = new Track(Animal.CAT);
    private final Track rat = new Track(Animal.RAT);
    private final Track[] both = {cat, rat};
    private final Strays strays = new Strays();
    private final Likeness likeness;
    private final Measure measure;
    private final RestingCat restingCat;
    private final OwnersArm arm;
    private final Contact contact;
    private final GiveWay giveWay;
    private final AssignmentCost costs;
    private final Hiding hiding;

    public IdentityTracker(int width, int height, FloorMap zones, TrackerSettings settings) {
        this.scale = new Scale(width, height, zones, settings);
        this.likeness = new Likeness(settings, scale, cat, rat, strays);
        this.measure = new Measure(scale, zones, frame, cat);
        this.restingCat = new RestingCat(frame, cat);
        this.arm = new OwnersArm(scale, frame, cat, rat);
        this.contact = new Contact(frame, cat, rat, likeness, strays, measure, arm);
        this.giveWay = new GiveWay(settings, scale, frame, cat, rat, likeness, strays, measure);
        this.costs = new AssignmentCost(settings, scale, zones, frame, cat, likeness, strays, arm, giveWay);
        this.hiding = new Hiding(zones, frame, cat, rat);
    }

    public Track cat() {
        return cat;
    }

    public Track rat() {
        return rat;
    }

    public Track track(Animal a) {
        return a == Animal.CAT ? cat : rat;
    }

    /** Pixels per centimetre on the floor (assumed when no view width was given). */
    public double pxPerCm() {
        return scale.pxPerCm;
    }

    public boolean scaleKnown() {
        return scale.scaleKnown;
    }

    /**
     * Boxes of the animals in view, {x0,y0,x1,y1,...}, for the detector to keep out of its background; returns
     * how many. Room for three boxes: a lost cat's search box follows them (see {@link #catBox}).
     */
    public int animalBoxes(double[] out) {
        int n = 0;
        for (Track t : both) {
            if (t.visible) {
                double m = 0.15 * Math.max(t.maxX - t.minX, t.maxY - t.minY);
                out[4 * n] = t.minX - m;
                out[4 * n + 1] = t.minY - m;
                out[4 * n + 2] = t.maxX + m;
                out[4 * n + 3] = t.maxY + m;
                n++;
            }
        }
        if (!cat.visible && cat.everSeen) {
            // a lost cat is looked for within a body length of where it was last seen (not counted: the
            // background may learn there)
            double m = cat.span();
            out[4 * n] = cat.minX - m;
            out[4 * n + 1] = cat.minY - m;
            out[4 * n + 2] = cat.maxX + m;
            out[4 * n + 3] = cat.maxY + m;
        }
        return n;
    }

    /**
     * Which box {@link #animalBoxes} wrote for the cat (it comes first); when the cat was seen and is lost, the
     * index just past the animals' boxes, where {@link #animalBoxes} wrote where it may be; -1 before it was seen.
     */
    public int catBox() {
        return cat.visible ? 0 : cat.everSeen ? (rat.visible ? 1 : 0) : -1;
    }

    public void reset() {
        cat.reset();
        rat.reset();
        likeness.reset();
        flipVotes = 0;
        strays.reset();
        frame.reset();
        restingCat.reset();
        hiding.reset();
        contact.reset();
        if (frame.detector != null) {
            frame.detector.forgetLooks();
        }
    }

    /** Assigns this frame's blobs to the cat and the rat. */
    public void update(Blobs blobs, double timeMs) {
        double dt = frame.begin(timeMs);
        int n = Math.min(blobs.count(), Blobs.MAX);
        int plausible = 0;
        for (int i = 0; i < n; i++) {
            double a = blobs.area(i);
            frame.candidate[i] = a >= scale.minArea && !blobs.ghost(i)
                    && (a <= scale.maxArea || (blobs.touchesBorder(i) && a <= scale.maxJoinedArea));
            if (frame.candidate[i]) {
                plausible++;
            }
        }
        strays.see(blobs, n, timeMs);
        // First sight of both at once: the larger is the cat when sizes clearly differ.
        boolean firstPair = !cat.everSeen && !rat.everSeen && plausible >= 2;

        if (!firstPair) {
            // each animal's cost of a blob does not depend on the other's blob (but in a first pair, the larger
            // is the cat): weighed once a blob, not once a pair
            for (int i = NONE; i < n; i++) {
                if (i < 0 || frame.candidate[i]) {
                    catCost[i + 1] = costs.cost(cat, blobs, i, dt, false, NONE);
                    ratCost[i + 1] = costs.cost(rat, blobs, i, dt, false, NONE);
                }
            }
        }
        double best = Double.MAX_VALUE;
        int bestCat = NONE;
        int bestRat = NONE;
        for (int c = SHARED; c < n; c++) {
            if (c >= 0 && !frame.candidate[c]) {
                continue;
            }
            for (int r = NONE; r < n; r++) {
                if (r >= 0 && (!frame.candidate[r] || r == c)) {
                    continue;
                }
                double cost;
                if (c == SHARED) {
                    if (r < 0) {
                        continue;
                    }
                    cost = contact.sharedCost(blobs, r, dt);
                } else {
                    cost = firstPair
                            ? costs.cost(cat, blobs, c, dt, true, r) + costs.cost(rat, blobs, r, dt, true, c)
                            : catCost[c + 1] + ratCost[r + 1];
                }
                if (cost < best) {
                    best = cost;
                    bestCat = c;
                    bestRat = r;
                }
            }
        }

        if (bestCat == SHARED && rat.inContact) {
            // the rat that shows apart is out of the contact: the cat takes the joined blob alone
            int apart = contact.ratShowingApart(blobs, n, bestRat, dt);
            if (apart >= 0) {
                contact.noteTheTake();
                bestCat = bestRat;
                bestRat = apart;
                rat.visible = false; // taken anew where it shows: the contact's dragged part taught it no course
            }
        }
        contact.noteLungeContact();
        boolean shared = bestCat == SHARED;
        restingCat.noteRestingCat(shared);
        if (shared && contact.split(blobs, bestRat)) {
            measure.measure(cat, contact.parts(), 0, dt, true);
            restingCat.holdRestingCat(blobs, bestRat);
            contact.measureRatInContact(contact.parts(), 1, dt);
        } else {
            if (shared) {
                // could not split: the cat takes the blob, the rat is held where it was heading
                bestCat = bestRat;
                bestRat = NONE;
                rat.inContact = true;
            }
            if (bestCat >= 0) {
                measure.gatherFragments(blobs, bestCat, bestRat, n);
                measure.measure(cat, blobs, bestCat, dt, false);
                if (shared) {
                    restingCat.holdRestingCat(blobs, bestCat);
                }
            } else if (!restingCat.holdStill(cat)) {
                measure.lose(cat);
            }
            if (bestRat >= 0) {
                measure.measure(rat, blobs, bestRat, dt, false);
            } else if (rat.inContact && rat.visible) {
                rat.framesUnseen = 0;
                rat.inContact = false;
            } else {
                measure.lose(rat);
            }
            if (bestCat >= 0 && bestRat >= 0) {
                likeness.learnSizes();
                if (frame.detector != null) {
                    // both seen apart: what each looks like, for when they touch
                    frame.detector.learnLook(blobs, bestCat, 0);
                    frame.detector.learnLook(blobs, bestRat, 1);
                }
            }
        }
        if (bestCat != SHARED) {
            bestRat = giveWay.giveWayToAWalkingRat(blobs, n, bestCat, bestRat, dt);
            bestRat = giveWay.leaveABall(blobs, n, bestCat, bestRat, dt);
            giveWay.leaveARigidBlob(blobs, n, bestCat, bestRat);
        }
        strays.remember(blobs, n, bestCat, bestRat, frame.nowMs);
        reviseLoneIdentity();
        contact.proveTheTake();
        hiding.tell();
    }

    /**
     * While only one animal has ever been seen, its identity rests on its size alone and is revised when
     * its smoothed size keeps saying otherwise (half a second); once both were seen, continuity rules.
     */
    private void reviseLoneIdentity() {
        if (cat.everSeen == rat.everSeen) {
            flipVotes = 0;
            return;
        }
        Track t = cat.everSeen ? cat : rat;
        if (!t.visible) {
            return;
        }
        double p = likeness.catLikeness(t.area);
        boolean contradicts = t.animal == Animal.CAT ? p < 0.3 : p > 0.7;
        flipVotes = contradicts ? flipVotes + 1 : 0;
        if (flipVotes >= 15) {
            Track other = t == cat ? rat : cat;
            other.copyFrom(t);
            t.reset();
            flipVotes = 0;
        }
    }

    private int flipVotes;
    /** This frame's cost of each blob (index + 1; 0: none) to the cat and to the rat, outside a first pair. */
    private final double[] catCost = new double[Blobs.MAX + 1];
    private final double[] ratCost = new double[Blobs.MAX + 1];

    /** The detector that can split a contact blob (set once by the pipeline). */
    public void splitWith(AnimalDetector detector) {
        frame.detector = detector;
        giveWay.workPixelArea(detector.workPixelArea());
    }
}
