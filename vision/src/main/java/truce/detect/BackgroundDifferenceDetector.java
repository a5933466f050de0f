package truce.detect;

import java.util.List;
import org.opencv.core.CvType;
import org.opencv.core.Mat;
import org.opencv.core.Size;
import org.opencv.imgproc.Imgproc;

/** Motion (adaptive background difference on a small colour image) then blob finding. */
public final class BackgroundDifferenceDetector implements AnimalDetector {
    private final MotionMask motion;
    private final BlobFinder blobs;
    /** The mask picture's working-size bytes, made on first use (diagnostics only). */
    private byte[] maskBytes;

    public BackgroundDifferenceDetector(int width, int height, DetectorSettings settings) {
        this.motion = new MotionMask(width, height, settings);
        this.blobs = new BlobFinder(motion, settings.minBlobPixels());
    }

    public static Factory factory(DetectorSettings settings) {
        return (w, h) -> new BackgroundDifferenceDetector(w, h, settings);
    }

    /** The motion stage alone (benchmarks time the stages one by one). */
    public MotionMask motion() {
        return motion;
    }

    /** The blob stage alone. */
    public BlobFinder blobFinder() {
        return blobs;
    }

    @Override
    public void detect(Mat bgr, double[] animals, int nAnimals, Blobs out) {
        detect(bgr, animals, nAnimals, -1, out);
    }

    @Override
    public void detect(Mat bgr, double[] animals, int nAnimals, int catBox, Blobs out) {
        motion.apply(bgr, animals, nAnimals, catBox);
        blobs.find(out);
    }

    @Override
    public boolean split(Blobs in, int blob, double[] seeds, double[] expectedAreas, Blobs out) {
        return blobs.split(in, blob, seeds, expectedAreas, out);
    }

    @Override
    public boolean refine(Blobs in, int blob, double[] xy) {
        return blobs.refine(in, blob, xy);
    }

    @Override
    public void lamp(double ux, double uy, double reachPx) {
        // the same vector in working pixels: the reach's length there
        double wx = ux / motion.sx;
        double wy = uy / motion.sy;
        blobs.lamp(wx, wy, reachPx * Math.hypot(wx, wy));
    }

    @Override
    public void learnLook(Blobs in, int blob, int animal) {
        blobs.learnLook(in, blob, animal);
    }

    @Override
    public void forgetLooks() {
        blobs.forgetLooks();
    }

    @Override
    public double differingShare(double x0, double y0, double x1, double y1) {
        return motion.differingShare(x0, y0, x1, y1);
    }

    @Override
    public double workPixelArea() {
        return motion.sx * motion.sy;
    }

    @Override
    public void seed(List<Mat> frames) {
        motion.seed(frames);
    }

    @Override
    public boolean drawMask(Mat out) {
        if (maskBytes == null) {
            maskBytes = new byte[motion.w * motion.h];
        }
        motion.drawMask(maskBytes);
        Mat small = new Mat(motion.h, motion.w, CvType.CV_8UC1);
        try {
            small.put(0, 0, maskBytes);
            // nearest neighbour: each working pixel shows as the block of source pixels it stands for
            Imgproc.resize(small, out, new Size(motion.width, motion.height), 0, 0, Imgproc.INTER_NEAREST);
        } finally {
            small.release();
        }
        return true;
    }

    @Override
    public int backgroundEpoch() {
        return motion.epoch();
    }

    @Override
    public void close() {
        motion.close();
    }
}
