package truce.samples.render;

import java.util.List;
import org.opencv.core.Mat;
import org.opencv.core.MatOfPoint;
import org.opencv.core.Point;
import org.opencv.core.Rect;
import org.opencv.core.Scalar;
import org.opencv.core.Size;
import org.opencv.imgproc.Imgproc;
import truce.samples.script.Pose;

/**
 * Draws one animal from above (tail, body along a bending spine, head, ears, coat markings) into the picture, the
 * same shape into the label mask, and its shadow into a shadow mask. One painter per animal; it reuses its points
 * and polygon buffers, so drawing allocates no native memory per frame.
 */
final class AnimalPainter {
    private static final int N = 9;
    private static final int CAP = 5;
    private static final int SEG = 10;
    private static final int SHIFT = 3;
    private static final double F = 1 << SHIFT;

    private final Species sp;
    private final Colouring col;
    private final double lengthCm;
    private final double pxPerCm;

    // layout of the current pose, pixels
    private final double[] sx = new double[N], sy = new double[N], sa = new double[N], sw = new double[N];
    private final double[] tx = new double[SEG + 1], ty = new double[SEG + 1];
    private double hx, hy, hdir, headHalfL, headHalfW, tailThick;
    private double minX, minY, maxX, maxY;

    private final Point[] outline = new Point[2 * N + CAP];
    private final Point[] part = new Point[2 * N + CAP];
    private final Point[] tri = new Point[3];
    private final MatOfPoint outlineMat = new MatOfPoint();
    private final MatOfPoint partMat = new MatOfPoint();
    private final MatOfPoint triMat = new MatOfPoint();
    private final Point a = new Point(), b = new Point();
    private final Size axes = new Size();
    private final Scalar label;
    private final Scalar tailLabel;
    private final Scalar white = new Scalar(255);

    AnimalPainter(Species sp, Colouring col, double lengthCm, double pxPerCm) {
        this.sp = sp;
        this.col = col;
        this.lengthCm = lengthCm;
        this.pxPerCm = pxPerCm;
        for (int i = 0; i < outline.length; i++) {
            outline[i] = new Point();
        }
        for (int i = 0; i < part.length; i++) {
            part[i] = new Point();
        }
        for (int i = 0; i < 3; i++) {
            tri[i] = new Point();
        }
        label = new Scalar(sp.bodyLabel());
        tailLabel = new Scalar(sp.tailLabel());
    }

    /** Lays out the shape of a pose; call before drawing. */
    void layout(Pose p) {
        double s = pxPerCm * p.lift();
        double len = lengthCm * s;
        double ls = len * p.stretch();
        double lt = ls * (1 - sp.head());
        double lh = ls * sp.head();
        double halfW0 = sp.width() * len * 0.5;
        double halfW = halfW0 * p.width();
        double cx = p.x() * pxPerCm, cy = p.y() * pxPerCm;
        double h = p.heading();
        double k = p.bend() / lt;
        minX = minY = Double.MAX_VALUE;
        maxX = maxY = -Double.MAX_VALUE;
        for (int i = 0; i < N; i++) {
            double u = i / (double) (N - 1);
            double arc = (u - 0.55) * lt;
            double ang = h + k * arc;
            if (Math.abs(k) < 1e-6) {
                sx[i] = cx + Math.cos(h) * arc;
                sy[i] = cy + Math.sin(h) * arc;
            } else {
                sx[i] = cx + (Math.sin(ang) - Math.sin(h)) / k;
                sy[i] = cy - (Math.cos(ang) - Math.cos(h)) / k;
            }
            sa[i] = ang;
            double prof = sp.roundEars()
                    ? (0.5 + 0.5 * Math.sin(Math.PI * (0.05 + 0.85 * u))) * (1.05 - 0.42 * u * u)
                    : (0.55 + 0.45 * Math.sin(Math.PI * (0.06 + 0.88 * u))) * (1 - 0.32 * u * u * u * u);
            sw[i] = halfW * prof;
            grow(sx[i], sy[i], sw[i]);
        }
        hdir = sa[N - 1] + p.headYaw();
        headHalfW = halfW0 * sp.headWidth();
        headHalfL = Math.max(lh * 0.5, headHalfW * (sp.roundEars() ? 1.1 : 0.95));
        hx = sx[N - 1] + Math.cos(hdir) * headHalfL * 0.8;
        hy = sy[N - 1] + Math.sin(hdir) * headHalfL * 0.8;
        grow(hx, hy, headHalfL * 1.9);
        // tail from the rear, backwards
        double ta = sa[0] + Math.PI + p.tailAngle();
        double tl = sp.tail() * len / SEG;
        tailThick = Math.max(1, sp.tailThick() * len);
        tx[0] = sx[0] - Math.cos(sa[0]) * sw[0] * 0.6;
        ty[0] = sy[0] - Math.sin(sa[0]) * sw[0] * 0.6;
        for (int j = 1; j <= SEG; j++) {
            ta += p.tailCurl() / SEG;
            tx[j] = tx[j - 1] + Math.cos(ta) * tl;
            ty[j] = ty[j - 1] + Math.sin(ta) * tl;
            grow(tx[j], ty[j], tailThick);
        }
    }

    private void grow(double x, double y, double r) {
        minX = Math.min(minX, x - r);
        minY = Math.min(minY, y - r);
        maxX = Math.max(maxX, x + r);
        maxY = Math.max(maxY, y + r);
    }

    /** The laid-out shape's bounding box, padded and clipped to the picture; null when off the picture. */
    Rect bounds(int width, int height, int pad) {
        int x0 = (int) Math.max(0, Math.floor(minX) - pad), y0 = (int) Math.max(0, Math.floor(minY) - pad);
        int x1 = (int) Math.min(width, Math.ceil(maxX) + pad), y1 = (int) Math.min(height, Math.ceil(maxY) + pad);
        return x1 > x0 && y1 > y0 ? new Rect(x0, y0, x1 - x0, y1 - y0) : null;
    }

    private Point at(Point pt, double x, double y) {
        pt.x = Math.round(x * F);
        pt.y = Math.round(y * F);
        return pt;
    }

    /** The body outline (both flanks and a rounded rump), widths scaled by {@code k}, spine points lo..hi. */
    private MatOfPoint body(double k, int lo, int hi, boolean cap, Point[] buf, MatOfPoint mat, double dx, double dy) {
        int n = 0;
        for (int i = lo; i <= hi; i++) {
            at(buf[n++], sx[i] - Math.sin(sa[i]) * sw[i] * k + dx, sy[i] + Math.cos(sa[i]) * sw[i] * k + dy);
        }
        for (int i = hi; i >= lo; i--) {
            at(buf[n++], sx[i] + Math.sin(sa[i]) * sw[i] * k + dx, sy[i] - Math.cos(sa[i]) * sw[i] * k + dy);
        }
        if (cap) {
            for (int c = 1; c <= CAP; c++) {
                double ang = sa[lo] - Math.PI / 2 - Math.PI * c / (CAP + 1);
                at(buf[n++], sx[lo] + Math.cos(ang) * sw[lo] * k + dx, sy[lo] + Math.sin(ang) * sw[lo] * k + dy);
            }
        }
        mat.fromArray(n == buf.length ? buf : java.util.Arrays.copyOf(buf, n));
        return mat;
    }

    private void head(Mat img, Scalar c, double scale, double forward, int lineType) {
        at(a, hx + Math.cos(hdir) * forward, hy + Math.sin(hdir) * forward);
        axes.width = Math.round(headHalfL * scale * F);
        axes.height = Math.round(headHalfW * scale * F);
        Imgproc.ellipse(img, a, axes, Math.toDegrees(hdir), 0, 360, c, -1, lineType, SHIFT);
        if (sp.roundEars() && scale >= 1) {
            // a rat's pointed snout
            double px = -Math.sin(hdir), py = Math.cos(hdir);
            at(tri[0], hx + px * headHalfW * 0.75, hy + py * headHalfW * 0.75);
            at(tri[1], hx - px * headHalfW * 0.75, hy - py * headHalfW * 0.75);
            at(tri[2], hx + Math.cos(hdir) * headHalfL * 1.75, hy + Math.sin(hdir) * headHalfL * 1.75);
            triMat.fromArray(tri);
            Imgproc.fillConvexPoly(img, triMat, c, lineType, SHIFT);
        }
    }

    private void ears(Mat img, Scalar outer, Scalar inner, int lineType) {
        double dx = Math.cos(hdir), dy = Math.sin(hdir), px = -dy, py = dx;
        for (int side = -1; side <= 1; side += 2) {
            if (sp.roundEars()) {
                at(a, hx + px * side * headHalfW * 0.8 - dx * headHalfL * 0.25, hy + py * side * headHalfW * 0.8 - dy * headHalfL * 0.25);
                int r = (int) Math.round(headHalfW * 0.45 * F);
                Imgproc.circle(img, a, r, outer, -1, lineType, SHIFT);
                if (inner != null) {
                    Imgproc.circle(img, a, (int) Math.round(r * 0.6), inner, -1, lineType, SHIFT);
                }
            } else {
                earTriangle(img, outer, side, 1.0, lineType);
                if (inner != null) {
                    earTriangle(img, inner, side, 0.55, lineType);
                }
            }
        }
    }

    private void earTriangle(Mat img, Scalar c, int side, double k, int lineType) {
        double dx = Math.cos(hdir), dy = Math.sin(hdir), px = -dy, py = dx;
        double cxe = hx + px * side * headHalfW * 0.62 - dx * headHalfL * 0.15;
        double cye = hy + py * side * headHalfW * 0.62 - dy * headHalfL * 0.15;
        at(tri[0], cxe + (-px * side * 0.42 * headHalfW - dx * 0.2 * headHalfL) * k, cye + (-py * side * 0.42 * headHalfW - dy * 0.2 * headHalfL) * k);
        at(tri[1], cxe + (px * side * 0.55 * headHalfW + dx * 0.35 * headHalfL) * k, cye + (py * side * 0.55 * headHalfW + dy * 0.35 * headHalfL) * k);
        at(tri[2], cxe + (px * side * 0.3 * headHalfW - dx * 0.45 * headHalfL) * k, cye + (py * side * 0.3 * headHalfW - dy * 0.45 * headHalfL) * k);
        triMat.fromArray(tri);
        Imgproc.fillConvexPoly(img, triMat, c, lineType, SHIFT);
    }

    private void tail(Mat img, Scalar c, Scalar rings, int lineType) {
        for (int j = 0; j < SEG; j++) {
            double taper = sp.roundEars() ? 1 - 0.75 * j / SEG : 1 - 0.35 * j / SEG;
            int th = (int) Math.max(1, Math.round(tailThick * taper));
            Scalar cc = rings != null && j % 2 == 1 ? rings : c;
            Imgproc.line(img, at(a, tx[j], ty[j]), at(b, tx[j + 1], ty[j + 1]), cc, th, lineType, SHIFT);
        }
    }

    /** Draws the animal in its coat. */
    void draw(Mat img) {
        int aa = Imgproc.LINE_AA;
        tail(img, col.tail(), col.pattern() == Colouring.Pattern.STRIPES ? col.mark() : null, aa);
        Imgproc.fillPoly(img, List.of(body(1, 0, N - 1, true, outline, outlineMat, 0, 0)), col.base(), aa, SHIFT);
        Scalar headColour = col.base();
        switch (col.pattern()) {
            case STRIPES -> {
                int th = (int) Math.max(1, Math.round(sw[N / 2] * 0.22));
                for (int i = 1; i < N - 1; i++) {
                    double k = 0.88;
                    Imgproc.line(img, at(a, sx[i] - Math.sin(sa[i]) * sw[i] * k, sy[i] + Math.cos(sa[i]) * sw[i] * k),
                            at(b, sx[i] + Math.sin(sa[i]) * sw[i] * k, sy[i] - Math.cos(sa[i]) * sw[i] * k), col.mark(), th, aa, SHIFT);
                }
                spine(img, col.mark(), Math.max(1, sw[N / 2] * 0.25), 0, N - 1);
            }
            case SADDLE -> {
                Imgproc.fillPoly(img, List.of(body(0.86, 0, N - 2, true, part, partMat, 0, 0)), col.mark(), aa, SHIFT);
                headColour = col.maskedFace() ? col.base() : col.mark();
            }
            case HOOD -> {
                Imgproc.fillPoly(img, List.of(body(1.0, N - 3, N - 1, false, part, partMat, 0, 0)), col.mark(), aa, SHIFT);
                spine(img, col.mark(), Math.max(1, sw[N / 2] * 0.45), 0, N - 1);
                headColour = col.mark();
            }
            case NONE -> spine(img, col.mark(), Math.max(1, sw[N / 2] * 0.5), 1, N - 1);
        }
        Scalar earOuter = col.pattern() == Colouring.Pattern.SADDLE || col.pattern() == Colouring.Pattern.HOOD ? col.mark() : col.base();
        ears(img, earOuter, col.ear(), aa);
        head(img, headColour, 1, 0, aa);
        if (col.pattern() == Colouring.Pattern.SADDLE && col.maskedFace()) {
            head(img, col.mark(), 0.62, -headHalfL * 0.4, aa);
        }
        if (col.pattern() == Colouring.Pattern.STRIPES) {
            head(img, col.mark(), 0.28, -headHalfL * 0.35, aa);
        }
    }

    /** A harness strap across the shoulders, with its ring on the back. */
    void drawHarness(Mat img, Scalar strap) {
        int i = N - 3;
        double k = 1.02;
        int th = (int) Math.max(1, Math.round(sw[i] * 0.35));
        Imgproc.line(img, at(a, sx[i] - Math.sin(sa[i]) * sw[i] * k, sy[i] + Math.cos(sa[i]) * sw[i] * k),
                at(b, sx[i] + Math.sin(sa[i]) * sw[i] * k, sy[i] - Math.cos(sa[i]) * sw[i] * k), strap, th, Imgproc.LINE_AA, SHIFT);
        Imgproc.circle(img, at(a, sx[i], sy[i]), (int) Math.max(F, Math.round(sw[i] * 0.18 * F)), new Scalar(190, 190, 195), -1,
                Imgproc.LINE_AA, SHIFT);
    }

    /** Where the leash clips on (the harness ring), pixels: {x, y}. */
    void harnessRing(double[] out) {
        out[0] = sx[N - 3];
        out[1] = sy[N - 3];
    }

    private void spine(Mat img, Scalar c, double thick, int lo, int hi) {
        int th = (int) Math.max(1, Math.round(thick));
        for (int i = lo; i < hi; i++) {
            Imgproc.line(img, at(a, sx[i], sy[i]), at(b, sx[i + 1], sy[i + 1]), c, th, Imgproc.LINE_AA, SHIFT);
        }
    }

    /** Draws the same shape into the label mask: tail, then body, head and ears. */
    void drawLabels(Mat labels) {
        tail(labels, tailLabel, null, Imgproc.LINE_8);
        Imgproc.fillPoly(labels, List.of(body(1, 0, N - 1, true, outline, outlineMat, 0, 0)), label, Imgproc.LINE_8, SHIFT);
        ears(labels, label, null, Imgproc.LINE_8);
        head(labels, label, 1, 0, Imgproc.LINE_8);
    }

    /** Draws the body's shadow, offset by (dx, dy) pixels, into a single-channel mask. */
    void drawShadow(Mat mask, double dx, double dy) {
        Imgproc.fillPoly(mask, List.of(body(1.05, 0, N - 1, true, outline, outlineMat, dx, dy)), white, Imgproc.LINE_8, SHIFT);
        double ox = hx, oy = hy;
        hx += dx;
        hy += dy;
        head(mask, white, 1, 0, Imgproc.LINE_8);
        hx = ox;
        hy = oy;
    }

    void release() {
        outlineMat.release();
        partMat.release();
        triMat.release();
    }
}
