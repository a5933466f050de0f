package truce.detect;

import java.util.Random;
import org.opencv.core.CvType;
import org.opencv.core.Mat;

/** A BGR frame drawn pixel by pixel, with the sensor's unit Gaussian noise on every channel (seed-sample tests). */
final class NoisyFrame {
    /** A channel's value at a pixel, before noise. */
    interface Colour {
        double at(int x, int y, int channel);
    }

    private NoisyFrame() {
    }

    /** The frame, noise drawn from {@code r} row by row, pixel by pixel, channel by channel. */
    static Mat draw(int w, int h, Random r, Colour colour) {
        byte[] px = new byte[w * h * 3];
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                for (int c = 0; c < 3; c++) {
                    double v = colour.at(x, y, c);
                    px[3 * (y * w + x) + c] = (byte) Math.max(0, Math.min(255, Math.round(v + r.nextGaussian())));
                }
            }
        }
        Mat m = new Mat(h, w, CvType.CV_8UC3);
        m.put(0, 0, px);
        return m;
    }
}
