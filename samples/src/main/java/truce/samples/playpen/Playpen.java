package truce.samples.playpen;

import java.util.List;

/**
 * The layout of one scene's playpen, in centimetres of floor, with the picture spanning
 * {@code viewWidthCm x viewHeightCm}.
 *
 * @param pen       the floor inside the walls
 * @param barrier   the clear partition (protocol stages 2-4), or null in stage 5 (direct interaction)
 * @param catRegion where the cat's body centre may go (its side of the barrier, inside the walls)
 * @param ratRegion where the rat's body centre may go
 * @param perch     the cat's raised perch (may be null)
 */
public record Playpen(double viewWidthCm, double viewHeightCm, Box pen, double wallCm, Box barrier,
                      Box catRegion, Box ratRegion, List<Cover> covers, Box perch, List<Bowl> bowls) {
    public Playpen {
        covers = List.copyOf(covers);
        bowls = List.copyOf(bowls);
    }

    public boolean hasBarrier() {
        return barrier != null;
    }

    /** The cover whose footprint holds p, or null. */
    public Cover coverAt(Vec p) {
        for (Cover c : covers) {
            if (c.box().contains(p)) {
                return c;
            }
        }
        return null;
    }

    /** Whether a walk from a to b stays clear of every cover (grown by margin) and of the barrier. */
    public boolean clearPath(Vec a, Vec b, double margin) {
        for (Cover c : covers) {
            if (c.box().inflate(margin).crosses(a, b)) {
                return false;
            }
        }
        return barrier == null || !barrier.inflate(margin).crosses(a, b);
    }

    /**
     * Whether a step from a to b is allowed inside region: it must stay in the region and not go into a cover
     * (grown by margin); a body already too close may step anywhere that does not take it into the bare cover.
     */
    public boolean canStep(Box region, Vec a, Vec b, double margin) {
        if (!region.contains(b)) {
            // a body pushed just outside its region (a fast run, a pounce) may always step back towards it
            return !region.contains(a) && region.distance(b) < region.distance(a);
        }
        if (clearOfCovers(b, margin)) {
            return true;
        }
        return !clearOfCovers(a, margin) && clearOfCovers(b, margin * 0.3);
    }

    /**
     * How open the floor is at p for a meeting of the two: distance to the nearest cover, and how deep p lies
     * inside both animals' regions (so the cat can reach it without a wall or the barrier in the way).
     */
    public double openness(Vec p) {
        double d = Double.MAX_VALUE;
        for (Cover c : covers) {
            d = Math.min(d, c.box().distance(p));
        }
        d = Math.min(d, ratRegion.depth(p) * 2);
        if (barrier == null) {
            d = Math.min(d, catRegion.depth(p) * 2);
        }
        return d;
    }

    /** Whether p is clear of every cover grown by margin. */
    public boolean clearOfCovers(Vec p, double margin) {
        for (Cover c : covers) {
            if (c.box().inflate(margin).contains(p)) {
                return false;
            }
        }
        return true;
    }
}
