package truce.detect;

/**
 * The foreground blobs of one frame, as parallel primitive arrays reused from frame to frame (no per-frame
 * objects). Coordinates and moments are in source-frame pixels; the label image stays at working resolution
 * so a blob can be split again when two animals touch.
 */
public final class Blobs {
    public static final int MAX = 64;

    int count;
    final double[] area = new double[MAX];
    final double[] cx = new double[MAX];
    final double[] cy = new double[MAX];
    /** Central second moments divided by area: variances and covariance of the pixel positions. */
    final double[] vxx = new double[MAX];
    final double[] vyy = new double[MAX];
    final double[] vxy = new double[MAX];
    final double[] minX = new double[MAX];
    final double[] minY = new double[MAX];
    final double[] maxX = new double[MAX];
    final double[] maxY = new double[MAX];
    final boolean[] border = new boolean[MAX];
    /** Mean colour difference from the background (0..765 scale): a reflection is faint, an animal is not. */
    final double[] contrast = new double[MAX];
    final int[] label = new int[MAX];
    /** The connected component each blob was found as, kept when it is merged into another. */
    final int[] own = new int[MAX];
    /** The blob this one was merged into, or -1. */
    final int[] into = new int[MAX];
    /** The blob's outline is sharper in the background than in the frame: an animal that left, not one there. */
    final boolean[] ghost = new boolean[MAX];
    /** Share of the blob's pixels evenly darker than the floor (see MotionMask.shade): a shadow is all such. */
    final double[] shade = new double[MAX];

    public int count() {
        return count;
    }

    public double area(int i) {
        return area[i];
    }

    public double cx(int i) {
        return cx[i];
    }

    public double cy(int i) {
        return cy[i];
    }

    public double vxx(int i) {
        return vxx[i];
    }

    public double vyy(int i) {
        return vyy[i];
    }

    public double vxy(int i) {
        return vxy[i];
    }

    public double minX(int i) {
        return minX[i];
    }

    public double minY(int i) {
        return minY[i];
    }

    public double maxX(int i) {
        return maxX[i];
    }

    public double maxY(int i) {
        return maxY[i];
    }

    /** Whether (x, y) lies in blob {@code i}'s box grown by {@code margin} on every side (source pixels). */
    public boolean boxHolds(int i, double x, double y, double margin) {
        return x >= minX[i] - margin && x <= maxX[i] + margin && y >= minY[i] - margin && y <= maxY[i] + margin;
    }

    /** How far apart the boxes of blobs {@code i} and {@code j} lie (0 when they touch or overlap; source pixels). */
    public double boxGap(int i, int j) {
        double gapX = Math.max(0, Math.max(minX[j] - maxX[i], minX[i] - maxX[j]));
        double gapY = Math.max(0, Math.max(minY[j] - maxY[i], minY[i] - maxY[j]));
        return Math.hypot(gapX, gapY);
    }

    public boolean touchesBorder(int i) {
        return border[i];
    }

    public boolean ghost(int i) {
        return ghost[i];
    }

    public double contrast(int i) {
        return contrast[i];
    }

    /** Share (0..1) of the blob's pixels that are evenly darker than the floor, as a shadow is. */
    public double shade(int i) {
        return shade[i];
    }

    /** Length of the long axis of the ellipse with these moments (px): 4 sqrt(largest eigenvalue). */
    public double length(int i) {
        return 4 * Math.sqrt(eigen(i, true));
    }

    /** Width across the long axis (px). */
    public double width(int i) {
        return 4 * Math.sqrt(Math.max(eigen(i, false), 0.25));
    }

    /** Orientation of the long axis, radians in (-pi/2, pi/2], image axes. */
    public double axisAngle(int i) {
        return 0.5 * Math.atan2(2 * vxy[i], vxx[i] - vyy[i]);
    }

    private double eigen(int i, boolean larger) {
        double a = vxx[i];
        double b = vyy[i];
        double c = vxy[i];
        double mid = (a + b) / 2;
        double d = Math.sqrt(Math.max(0, (a - b) * (a - b) / 4 + c * c));
        return larger ? mid + d : Math.max(0, mid - d);
    }

    /**
     * Folds blob {@code j} into blob {@code i} (two pieces of one animal cut apart by a stripe of floor-like
     * fur): areas add, centroid and second moments combine about the new centroid, boxes unite.
     */
    public void merge(int i, int j) {
        double a = area[i];
        double b = area[j];
        double t = a + b;
        double x = (a * cx[i] + b * cx[j]) / t;
        double y = (a * cy[i] + b * cy[j]) / t;
        vxx[i] = (a * (vxx[i] + sq(cx[i] - x)) + b * (vxx[j] + sq(cx[j] - x))) / t;
        vyy[i] = (a * (vyy[i] + sq(cy[i] - y)) + b * (vyy[j] + sq(cy[j] - y))) / t;
        vxy[i] = (a * (vxy[i] + (cx[i] - x) * (cy[i] - y)) + b * (vxy[j] + (cx[j] - x) * (cy[j] - y))) / t;
        cx[i] = x;
        cy[i] = y;
        contrast[i] = (a * contrast[i] + b * contrast[j]) / t;
        shade[i] = (a * shade[i] + b * shade[j]) / t;
        minX[i] = Math.min(minX[i], minX[j]);
        minY[i] = Math.min(minY[i], minY[j]);
        maxX[i] = Math.max(maxX[i], maxX[j]);
        maxY[i] = Math.max(maxY[i], maxY[j]);
        border[i] |= border[j];
        area[i] = t;
        area[j] = 0;
        label[i] = -1; // no longer one connected component: cannot be split again by label
        into[j] = i;
    }

    private static double sq(double v) {
        return v * v;
    }

    public void clear() {
        count = 0;
    }

    /** Sets blob {@code i}'s share of evenly darker pixels (tests that build blobs by hand). */
    public void shade(int i, double share) {
        shade[i] = share;
    }

    /** Writes a measured blob (used by the splitter and by tests that build blobs by hand). */
    public int add(double area, double cx, double cy, double vxx, double vyy, double vxy,
                   double minX, double minY, double maxX, double maxY, boolean border, double contrast, int label) {
        if (count == MAX) {
            return -1;
        }
        int i = count++;
        this.area[i] = area;
        this.cx[i] = cx;
        this.cy[i] = cy;
        this.vxx[i] = vxx;
        this.vyy[i] = vyy;
        this.vxy[i] = vxy;
        this.minX[i] = minX;
        this.minY[i] = minY;
        this.maxX[i] = maxX;
        this.maxY[i] = maxY;
        this.border[i] = border;
        this.contrast[i] = contrast;
        this.label[i] = label;
        this.own[i] = label;
        this.into[i] = -1;
        this.ghost[i] = false;
        this.shade[i] = 0;
        return i;
    }
}
