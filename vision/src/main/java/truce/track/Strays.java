package truce.track;

import truce.detect.Blobs;

/**
 * Memory of the unclaimed blobs (a parked toy, a new bowl, a ghost, a rat nobody follows yet): where each was last
 * frame, how long it has kept still, since when it has been seen without a break, and whether it is a thing that
 * lay still for seconds (a fixture). Each frame it tells, for every blob, which of them it continues; the rules
 * read that to refuse a lost animal a blob that lay there unclaimed all along, and to tell a rat that walks from a
 * thing that lies still.
 */
final class Strays {
    /** Unclaimed blobs that keep still (a parked toy, a new bowl, a ghost): never taken for a lost animal. */
    private static final int STRAYS = 16;
    static final int STALE_STRAY = 10;
    private final double[] strayX = new double[STRAYS];
    private final double[] strayY = new double[STRAYS];
    private final int[] strayAge = new int[STRAYS];
    /**
     * The stray lay still for {@link #FIXTURE_FRAMES} (a toy, a ball), or is such a thing moving off: its blob
     * has covered where the thing was every frame since.
     */
    private final boolean[] strayFixture = new boolean[STRAYS];
    private final boolean[] nextFixture = new boolean[STRAYS];
    /** Longer than a rat keeps still unclaimed (it freezes 1-3 s): what lay still this long is a thing. */
    private static final int FIXTURE_FRAMES = 150;
    /** Where each stray was when its age started: it only ages while it stays near there. */
    private final double[] strayAX = new double[STRAYS];
    private final double[] strayAY = new double[STRAYS];
    private int strays;
    private final double[] nextX = new double[STRAYS];
    private final double[] nextY = new double[STRAYS];
    private final int[] nextAge = new int[STRAYS];
    private final double[] nextAX = new double[STRAYS];
    private final double[] nextAY = new double[STRAYS];
    private final int[] blobStrayAge = new int[Blobs.MAX];
    private final int[] blobStray = new int[Blobs.MAX];
    /**
     * Since when each stray has been seen without a break (frame to frame within a share of its size, and of
     * about the same size), moving or not, and its last size: a faint cat is born from such a run.
     */
    private final double[] strayRunMs = new double[STRAYS];
    private final double[] strayArea = new double[STRAYS];
    private final double[] nextRunMs = new double[STRAYS];
    private final double[] nextArea = new double[STRAYS];
    private final double[] blobRunMs = new double[Blobs.MAX];
    /** Where each stray's unbroken run began (a blob's, when it continues one; else where it is). */
    private final double[] strayRunX = new double[STRAYS];
    private final double[] strayRunY = new double[STRAYS];
    private final double[] nextRunX = new double[STRAYS];
    private final double[] nextRunY = new double[STRAYS];
    private final double[] blobRunX = new double[Blobs.MAX];
    private final double[] blobRunY = new double[Blobs.MAX];
    /** Since when each stray has kept still (its age's start), to tell one that came in moving from one born still. */
    private final double[] strayStillMs = new double[STRAYS];
    private final double[] nextStillMs = new double[STRAYS];
    /** Since when each blob has kept still, if it continues a stray; else now. */
    private final double[] blobStillMs = new double[Blobs.MAX];

    void reset() {
        strays = 0;
    }

    /** Notes, for each of this frame's blobs, the stray it is and the unbroken run it continues. */
    void see(Blobs blobs, int n, double timeMs) {
        for (int i = 0; i < n; i++) {
            blobStray[i] = stray(blobs.cx(i), blobs.cy(i));
            blobStrayAge[i] = blobStray[i] < 0 ? 0 : strayAge[blobStray[i]];
            int run = runOf(blobs, i);
            blobRunMs[i] = run < 0 ? timeMs : strayRunMs[run];
            blobRunX[i] = run < 0 ? blobs.cx(i) : strayRunX[run];
            blobRunY[i] = run < 0 ? blobs.cy(i) : strayRunY[run];
            blobStillMs[i] = blobStray[i] < 0 ? timeMs : strayStillMs[blobStray[i]];
        }
    }

    /** Frames blob {@code i} has lain still unclaimed (0: it is no stray). */
    int age(int i) {
        return blobStrayAge[i];
    }

    /** Whether blob {@code i} has lain there unclaimed for {@link #STALE_STRAY} frames. */
    boolean stale(int i) {
        return blobStrayAge[i] >= STALE_STRAY;
    }

    /** Since when blob {@code i} has been seen without a break (ms). */
    double runMs(int i) {
        return blobRunMs[i];
    }

    /** Where blob {@code i}'s unbroken run began. */
    double runX(int i) {
        return blobRunX[i];
    }

    double runY(int i) {
        return blobRunY[i];
    }

    /** Since when blob {@code i} has kept still (ms; now if it is no stray). */
    double stillMs(int i) {
        return blobStillMs[i];
    }

    /**
     * The last frame's stray whose unbroken run blob {@code i} continues (the nearest within a quarter of its
     * size's side, of half to twice its size: a walking rat's outline takes and drops a leg, its tail or its shadow,
     * and a 30 % bound restarted its run at each change), or -1: the blob's run then starts now.
     */
    private int runOf(Blobs b, int i) {
        double a = b.area(i);
        double reach = Math.max(4, 0.25 * Math.sqrt(a));
        double best = reach;
        int run = -1;
        for (int k = 0; k < strays; k++) {
            double d = Math.hypot(strayX[k] - b.cx(i), strayY[k] - b.cy(i));
            if (d <= best && a > 0.5 * strayArea[k] && a < strayArea[k] / 0.5) {
                best = d;
                run = k;
            }
        }
        return run;
    }

    private int stray(double x, double y) {
        for (int k = 0; k < strays; k++) {
            if (Math.abs(strayX[k] - x) < 4 && Math.abs(strayY[k] - y) < 4) {
                return k;
            }
        }
        return -1;
    }

    /**
     * Ages the unclaimed blobs that stayed where they were; forgets the ones that went. One that creeps on
     * (a slow rat nobody follows) starts again from zero once it is a few pixels from where its age began.
     */
    void remember(Blobs blobs, int n, int c, int r, double nowMs) {
        int m = 0;
        for (int i = 0; i < n && m < STRAYS; i++) {
            if (i == c || i == r || blobs.area(i) <= 0) { // a blob shared by both animals is r
                continue;
            }
            double x = blobs.cx(i);
            double y = blobs.cy(i);
            int k = blobStray[i];
            nextX[m] = x;
            nextY[m] = y;
            nextFixture[m] = k >= 0 && (strayFixture[k] || strayAge[k] + 1 >= FIXTURE_FRAMES)
                    || coversAFixture(blobs, i);
            nextRunMs[m] = blobRunMs[i];
            nextRunX[m] = blobRunX[i];
            nextRunY[m] = blobRunY[i];
            nextArea[m] = blobs.area(i);
            if (k >= 0 && Math.abs(strayAX[k] - x) < 6 && Math.abs(strayAY[k] - y) < 6) {
                nextAge[m] = blobStrayAge[i] + 1;
                nextAX[m] = strayAX[k];
                nextAY[m] = strayAY[k];
                nextStillMs[m] = strayStillMs[k];
            } else {
                nextAge[m] = 1;
                nextAX[m] = x;
                nextAY[m] = y;
                nextStillMs[m] = nowMs;
            }
            m++;
        }
        System.arraycopy(nextX, 0, strayX, 0, m);
        System.arraycopy(nextY, 0, strayY, 0, m);
        System.arraycopy(nextAge, 0, strayAge, 0, m);
        System.arraycopy(nextFixture, 0, strayFixture, 0, m);
        System.arraycopy(nextAX, 0, strayAX, 0, m);
        System.arraycopy(nextAY, 0, strayAY, 0, m);
        System.arraycopy(nextRunMs, 0, strayRunMs, 0, m);
        System.arraycopy(nextRunX, 0, strayRunX, 0, m);
        System.arraycopy(nextRunY, 0, strayRunY, 0, m);
        System.arraycopy(nextArea, 0, strayArea, 0, m);
        System.arraycopy(nextStillMs, 0, strayStillMs, 0, m);
        strays = m;
    }

    /**
     * Whether the blob spans where, last frame, an unclaimed thing that lay still for seconds was (or such a
     * thing on the move): that thing moving off, with the ghost it leaves, not the lost rat coming back. The
     * demo's ball lay a minute beside the rat's shelter; when it rolled off at 2375 the lost rat took it and
     * rode it to where it stopped, while the real rat came out of the shelter.
     */
    boolean coversAFixture(Blobs b, int i) {
        for (int k = 0; k < strays; k++) {
            if (strayFixture[k] && b.boxHolds(i, strayX[k], strayY[k], 0)) {
                return true;
            }
        }
        return false;
    }
}
