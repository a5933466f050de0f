package truce.track;

import java.util.List;
import org.opencv.core.Mat;
import truce.detect.AnimalDetector;
import truce.detect.Blobs;

/**
 * The detector behind a replayed-blobs test: no pixels, so it never detects or seeds; it splits nothing unless a
 * test overrides {@link #split}, and reports the same share of background difference under any box.
 */
class ReplayedDetector implements AnimalDetector {

    private final double differingShare;

    /** @param differingShare what {@link #differingShare} answers for every box (1: the background still differs) */
    ReplayedDetector(double differingShare) {
        this.differingShare = differingShare;
    }

    @Override
    public void detect(Mat bgr, double[] animals, int nAnimals, Blobs out) {
        throw new UnsupportedOperationException("replayed blobs: no pixels to detect in");
    }

    @Override
    public boolean split(Blobs blobs, int blob, double[] seeds, double[] expectedAreas, Blobs out) {
        return false;
    }

    @Override
    public double differingShare(double x0, double y0, double x1, double y1) {
        return differingShare;
    }

    @Override
    public void seed(List<Mat> frames) {
    }

    @Override
    public int backgroundEpoch() {
        return 0;
    }

    @Override
    public void close() {
    }
}
