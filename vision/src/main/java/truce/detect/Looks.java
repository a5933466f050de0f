package truce.detect;

import java.util.Arrays;

/**
 * What each animal's coat looks like: a colour histogram (3 bits a channel) learnt from the pixels of the blob the
 * tracker gave it while the two were apart, forgetting slowly. When the two touch, a pixel of the joined blob goes
 * to the animal whose coat its colour fits better as well as to the nearer one: a white rat pressed against an orange
 * cat is cut out by colour where the shapes alone, seeded where the rat was heading, cut a round piece of the cat
 * (on the 12 pooled generated sets of session 26: frames with the identities swapped 1,467 -> 1,033). Coats alike (a
 * grey cat and an agouti rat) weigh as much for both and leave the shapes to decide.
 */
final class Looks {
    static final int BINS = 512;
    /** Share of a fresh look taken in at each sighting: about the last two seconds of sightings count. */
    private static final double LEARN = 0.02;
    /** Sightings each animal needs before its look is trusted. */
    private static final int KNOWN_AFTER = 30;
    /** A colour never seen on a coat still has this share (JPEG, noise, light changes). */
    private static final double FLOOR = 1e-3;
    /** Most a colour can count for one animal over the other (log ratio): the shapes keep a say. */
    static final double MOST = 3;
    private final double[][] share = new double[2][BINS];
    private final int[] sightings = new int[2];
    private final double[] fresh = new double[BINS];
    /** Pixels in the sighting being taken. */
    private int freshPixels;

    void reset() {
        for (double[] s : share) {
            Arrays.fill(s, 0);
        }
        Arrays.fill(sightings, 0);
    }

    /** The colour bin of working pixel p of a BGR byte image. */
    static int bin(byte[] px, int p) {
        int q = 3 * p;
        return ((px[q] & 0xe0) << 1) | ((px[q + 1] & 0xe0) >> 2) | ((px[q + 2] & 0xe0) >> 5);
    }

    /** Starts a sighting's fresh histogram. */
    void begin() {
        Arrays.fill(fresh, 0);
        freshPixels = 0;
    }

    void add(int bin) {
        fresh[bin]++;
        freshPixels++;
    }

    /** Takes the sighting's histogram into animal {@code a}'s look (0: cat, 1: rat), when it had enough pixels. */
    void end(int a, int minPixels) {
        double n = freshPixels;
        if (n < minPixels) {
            return;
        }
        double keep = sightings[a] == 0 ? 0 : 1 - LEARN;
        double take = sightings[a] == 0 ? 1 : LEARN;
        double[] s = share[a];
        for (int i = 0; i < BINS; i++) {
            s[i] = keep * s[i] + take * fresh[i] / n;
        }
        sightings[a]++;
    }

    boolean known() {
        return sightings[0] >= KNOWN_AFTER && sightings[1] >= KNOWN_AFTER;
    }

    /** How much better colour bin {@code bin} fits the rat's coat than the cat's (log ratio, within +-MOST). */
    double ratOverCat(int bin) {
        double r = Math.log((share[1][bin] + FLOOR) / (share[0][bin] + FLOOR));
        return Math.max(-MOST, Math.min(MOST, r));
    }
}
