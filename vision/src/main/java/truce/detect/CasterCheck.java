package truce.detect;

import java.util.Arrays;

/**
 * A cast shadow has a caster: the shape that blocks the light lies beside it, in the mask, and is at least as
 * big as the shadow it casts (the same outline, shifted, partly hidden under the caster itself). A region that
 * the shadow test calls "evenly darker with the floor's hue" and that is larger than everything in the mask
 * around it cannot be a cast shadow: it is a coat the floor's colour, a grey cat on a grey carpet or a tabby on
 * brown linoleum. Without this, such a cat is never in the mask before it has first been seen (the lost cat's
 * rule needs to know where it went), and the background learns it where it lies: lost for the whole minute
 * (generated seed 577215 scenes 03 and 04).
 * <p>
 * Only where no tracked animal's box lies: inside one, the region may be that animal's own fur (a real grey
 * mouse's rim grew its blob into a cat's).
 * <p>
 * {@link #find} marks such regions of one frame, judged on its cleaned mask; the motion stage keeps their pixels
 * as foreground in the next frame (a one-frame lag, as for ghosts), so the background does not learn the coat
 * meanwhile. Buffers sized once; no allocation per frame.
 */
final class CasterCheck {
    private final int w;
    private final int h;
    /** Smallest region (working pixels) taken for a coat: a cat's torso, not a rat's shadow fragment. */
    private final int minArea;
    /** Largest: beyond this, a darker patch is light (an uneven lamp), not an animal. */
    private final int maxArea;
    /** Working pixels round a region's box where its caster would lie. */
    private static final int REACH = 3;
    private final int[] stack;
    private final int[] region;
    private final byte[] seen;

    CasterCheck(int w, int h, int minArea, double maxShare) {
        this.w = w;
        this.h = h;
        this.minArea = minArea;
        this.maxArea = (int) (maxShare * w * h);
        stack = new int[w * h];
        region = new int[w * h];
        seen = new byte[w * h];
    }

    /**
     * Marks in {@code coat} (1) the regions (8-connected) of shadow-like pixels and evenly darker foreground
     * ({@code shade}) that have no caster: fewer foreground pixels that are neither ({@code mask} != 0,
     * {@code shadowLike} == 0, {@code shade} == 0) within {@link #REACH} of the region's box than the region has
     * pixels, that are between the smallest and the largest size, and at least half of which the mask lacks
     * (a region mostly in the mask already needs no rescue). {@code mask} is the cleaned mask: a coat whose
     * evenly darker pixels lie scattered between shadow-like ones (a tabby's stripes) loses them to the opening,
     * so they are no rescue (seed 577215 scene-04: half the tabby's coat was such pixels, the region "needed no
     * rescue", and its red harness alone was in the mask). None of the region's pixels may lie in a tracked
     * animal's box ({@code tracked} != 0: that animal's own rules hold there). Clears the rest of {@code coat}.
     *
     * @return the number of working pixels marked
     */
    int find(byte[] shadowLike, byte[] mask, byte[] shade, byte[] tracked, byte[] coat) {
        Arrays.fill(coat, (byte) 0);
        Arrays.fill(seen, (byte) 0);
        int marked = 0;
        for (int start = 0; start < shadowLike.length; start++) {
            if (seen[start] != 0 || tracked[start] != 0 || !dark(shadowLike, shade, start)) {
                continue;
            }
            flood(start, shadowLike, mask, shade, tracked);
            if (casterless(shadowLike, mask, shade)) {
                marked += mark(coat);
            }
        }
        return marked;
    }

    /**
     * Size of the last flooded region, its pixels the cleaned mask lacks (or holds only as shadow-like: kept as
     * last frame's coat), and its box.
     */
    private int n;
    private int dropped;
    private int rx0;
    private int ry0;
    private int rx1;
    private int ry1;

    /** Floods the dark region holding {@code start} into {@link #region}, outside tracked animals' boxes. */
    private void flood(int start, byte[] shadowLike, byte[] mask, byte[] shade, byte[] tracked) {
        int top = 0;
        n = 0;
        dropped = 0;
        stack[top++] = start;
        seen[start] = 1;
        rx0 = w;
        ry0 = h;
        rx1 = -1;
        ry1 = -1;
        while (top > 0) {
            int q = stack[--top];
            region[n++] = q;
            dropped += shadowLike[q] != 0 || mask[q] == 0 ? 1 : 0;
            int x = q % w;
            int y = q / w;
            rx0 = Math.min(rx0, x);
            rx1 = Math.max(rx1, x);
            ry0 = Math.min(ry0, y);
            ry1 = Math.max(ry1, y);
            for (int dy = -1; dy <= 1; dy++) {
                int yy = y + dy;
                if (yy < 0 || yy >= h) {
                    continue;
                }
                for (int dx = -1; dx <= 1; dx++) {
                    int xx = x + dx;
                    int r = yy * w + xx;
                    if (xx >= 0 && xx < w && seen[r] == 0 && tracked[r] == 0 && dark(shadowLike, shade, r)) {
                        seen[r] = 1;
                        stack[top++] = r;
                    }
                }
            }
        }
    }

    /**
     * Whether the last flooded region is a coat: between the smallest and the largest size, mostly missing from
     * the mask, and larger than its casters.
     */
    private boolean casterless(byte[] shadowLike, byte[] mask, byte[] shade) {
        return n >= minArea && n <= maxArea && 2 * dropped >= n
                && casters(shadowLike, mask, shade, rx0, ry0, rx1, ry1, n) < n;
    }

    private int mark(byte[] coat) {
        for (int k = 0; k < n; k++) {
            coat[region[k]] = 1;
        }
        return n;
    }

    /**
     * Shadow-like, or foreground before the opening and evenly darker than the floor (too dark for the shadow
     * test, but as likely a shadow's core as dark fur): either way part of the region, not its caster.
     */
    private static boolean dark(byte[] shadowLike, byte[] shade, int i) {
        return shadowLike[i] != 0 || shade[i] != 0;
    }

    /** Foreground pixels that are neither shadow-like nor evenly darker near a box; counting stops at {@code enough}. */
    private int casters(byte[] shadowLike, byte[] mask, byte[] shade, int x0, int y0, int x1, int y1, int enough) {
        int c = 0;
        for (int y = Math.max(0, y0 - REACH), ye = Math.min(h - 1, y1 + REACH); y <= ye; y++) {
            for (int i = y * w + Math.max(0, x0 - REACH), e = y * w + Math.min(w - 1, x1 + REACH); i <= e; i++) {
                if (mask[i] != 0 && shadowLike[i] == 0 && shade[i] == 0 && ++c >= enough) {
                    return c;
                }
            }
        }
        return c;
    }
}
