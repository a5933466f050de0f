package truce.samples.render;

import org.opencv.core.Mat;
import org.opencv.core.Point;
import org.opencv.core.Scalar;
import org.opencv.core.Size;
import org.opencv.imgproc.Imgproc;
import truce.samples.playpen.Vec;
import truce.samples.script.HandPose;
import truce.samples.script.ToyPose;

/** Draws the things that are not animals but move: a person's hand and forearm reaching in, and a rolling ball. */
final class PropPainter {
    private final Look look;
    private final double s;
    private final Point a = new Point(), b = new Point();
    private final Size axes = new Size();
    private final Scalar hand = new Scalar(Labels.HAND);
    private final Scalar toy = new Scalar(Labels.TOY);
    private final Scalar white = new Scalar(255);

    PropPainter(Look look, double pxPerCm) {
        this.look = look;
        this.s = pxPerCm;
    }

    private Point at(Point p, Vec v, double dx, double dy) {
        p.x = v.x() * s + dx;
        p.y = v.y() * s + dy;
        return p;
    }

    /** The hand, in colour (img) or as one label/shadow value. */
    void hand(Mat img, HandPose h, Scalar skinOrLabel, Scalar sleeveOrLabel, double dx, double dy, int lineType) {
        double k = h.scale() * s;
        double dir = h.base().angleTo(h.wrist());
        Vec fore = h.wrist().minus(Vec.polar(14 * h.scale(), dir));
        Imgproc.line(img, at(a, h.base(), dx, dy), at(b, fore, dx, dy), sleeveOrLabel, Math.max(2, (int) (10 * k)), lineType);
        Imgproc.line(img, at(a, fore, dx, dy), at(b, h.wrist(), dx, dy), skinOrLabel, Math.max(2, (int) (6.5 * k)), lineType);
        Vec palm = h.wrist().plus(Vec.polar(4.5 * h.scale(), dir));
        axes.width = 5.5 * k;
        axes.height = 4.6 * k;
        Imgproc.ellipse(img, at(a, palm, dx, dy), axes, Math.toDegrees(dir), 0, 360, skinOrLabel, -1, lineType);
        for (int f = 0; f < 4; f++) {
            double side = (f - 1.5) * 2.0 * h.scale();
            Vec base = palm.plus(Vec.polar(4 * h.scale(), dir)).plus(Vec.polar(side, dir + Math.PI / 2));
            Vec tip = base.plus(Vec.polar((f == 0 || f == 3 ? 5.5 : 7) * h.scale(), dir + (f - 1.5) * 0.08));
            Imgproc.line(img, at(a, base, dx, dy), at(b, tip, dx, dy), skinOrLabel, Math.max(1, (int) (1.8 * k)), lineType);
        }
        Vec thumbBase = palm.plus(Vec.polar(3.5 * h.scale(), dir - Math.PI / 2));
        Vec thumbTip = thumbBase.plus(Vec.polar(5 * h.scale(), dir - 0.9));
        Imgproc.line(img, at(a, thumbBase, dx, dy), at(b, thumbTip, dx, dy), skinOrLabel, Math.max(1, (int) (2.2 * k)), lineType);
    }

    void hand(Mat img, HandPose h) {
        hand(img, h, look.skin(), look.sleeve(), 0, 0, Imgproc.LINE_AA);
    }

    void handLabels(Mat labels, HandPose h) {
        hand(labels, h, hand, hand, 0, 0, Imgproc.LINE_8);
    }

    void handShadow(Mat mask, HandPose h) {
        // the hand is well above the floor: its shadow falls far off
        hand(mask, h, white, white, look.shadowX() * 25 * s, look.shadowY() * 25 * s, Imgproc.LINE_8);
    }

    void toy(Mat img, ToyPose t) {
        at(a, t.center(), 0, 0);
        int r = (int) Math.max(1, Math.round(t.radius() * s));
        Imgproc.circle(img, a, r, look.toyColour(), -1, Imgproc.LINE_AA);
        // a stripe round the ball that rolls with it
        double dir = Math.atan2(t.vy(), t.vx());
        double off = Math.cos(t.spin()) * r * 0.7;
        double px = -Math.sin(dir), py = Math.cos(dir);
        double cx = a.x + Math.cos(dir) * off, cy = a.y + Math.sin(dir) * off;
        double half = Math.sqrt(Math.max(0, r * r - off * off));
        Imgproc.line(img, new Point(cx - px * half, cy - py * half), new Point(cx + px * half, cy + py * half), look.toyStripe(),
                Math.max(1, r / 3), Imgproc.LINE_AA);
        Imgproc.circle(img, new Point(a.x - r * 0.35, a.y - r * 0.35), Math.max(1, r / 4), new Scalar(250, 250, 250), -1, Imgproc.LINE_AA);
    }

    void toyLabels(Mat labels, ToyPose t) {
        Imgproc.circle(labels, at(a, t.center(), 0, 0), (int) Math.max(1, Math.round(t.radius() * s)), toy, -1, Imgproc.LINE_8);
    }

    void toyShadow(Mat mask, ToyPose t) {
        Imgproc.circle(mask, at(a, t.center(), look.shadowX() * 4 * s, look.shadowY() * 4 * s),
                (int) Math.max(1, Math.round(t.radius() * s)), white, -1, Imgproc.LINE_8);
    }
}
