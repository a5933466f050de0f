package truce.bench;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.LinkedHashMap;
import java.util.Map;
import org.opencv.core.Mat;
import org.opencv.imgcodecs.Imgcodecs;
import truce.detect.BackgroundDifferenceDetector;
import truce.detect.Blobs;
import truce.detect.DetectorSettings;
import truce.features.FeatureExtractor;
import truce.pipeline.FrameProcessor;
import truce.pipeline.VisionSettings;
import truce.track.IdentityTracker;
import truce.track.TrackerSettings;

/**
 * Frames per CPU-second of the working thread, stage by stage: what one free core would do, measured on
 * the thread's own CPU clock so that other processes sharing the machine do not count against it (they still
 * cost cache and memory bandwidth). A check on the JMH wall-clock figures when the machine is busy.
 */
public final class CpuTimeBench {
    private final ThreadMXBean mx = ManagementFactory.getThreadMXBean();

    /** Stage name to frames per CPU-second, for {@code frames} frames at this size (after a warm-up). */
    public Map<String, Double> run(int width, int height, int frames) {
        Map<String, Double> out = new LinkedHashMap<>();
        try (BenchFootage f = new BenchFootage(width, height, 90)) {
            BackgroundDifferenceDetector det = new BackgroundDifferenceDetector(width, height, DetectorSettings.DEFAULT);
            IdentityTracker tracker = new IdentityTracker(width, height, f.floor(), TrackerSettings.DEFAULT);
            tracker.splitWith(det);
            FeatureExtractor features = new FeatureExtractor();
            Blobs blobs = new Blobs();
            double[] boxes = new double[12];
            FrameProcessor chain = new FrameProcessor(VisionSettings.of(f.floor()));
            try {
                long[] t = new long[4];
                for (int pass = 0; pass < 2; pass++) { // pass 0 warms the JIT up
                    java.util.Arrays.fill(t, 0);
                    for (int i = 0; i < frames; i++) {
                        Mat m = f.frame(i);
                        double ms = (pass * frames + i) * 1000 / 30.0;
                        long c0 = cpu();
                        int n = tracker.animalBoxes(boxes);
                        det.motion().apply(m, boxes, n);
                        long c1 = cpu();
                        det.blobFinder().find(blobs);
                        long c2 = cpu();
                        tracker.update(blobs, ms);
                        long c3 = cpu();
                        features.extract(pass * frames + i, ms, tracker);
                        long c4 = cpu();
                        t[0] += c1 - c0;
                        t[1] += c2 - c1;
                        t[2] += c3 - c2;
                        t[3] += c4 - c3;
                    }
                }
                String[] names = {"motion", "blobs", "track", "features"};
                for (int k = 0; k < 4; k++) {
                    out.put(names[k], frames / (Math.max(t[k], 1) / 1e9));
                }
                out.put("chain", rate(frames, i -> chain.process(f.frame(i), i, i * 1000 / 30.0)));
                out.put("decode", rate(frames, i -> Imgcodecs.imdecode(f.jpeg(i), Imgcodecs.IMREAD_COLOR).release()));
                out.put("chainWithDecode", rate(frames, i -> {
                    Mat m = Imgcodecs.imdecode(f.jpeg(i), Imgcodecs.IMREAD_COLOR);
                    chain.process(m, 100_000 + i, (100_000 + i) * 1000 / 30.0);
                    m.release();
                }));
            } finally {
                det.close();
                chain.close();
            }
        }
        return out;
    }

    private double rate(int frames, java.util.function.IntConsumer work) {
        for (int i = 0; i < frames / 2; i++) {
            work.accept(i);
        }
        long c0 = cpu();
        for (int i = 0; i < frames; i++) {
            work.accept(frames / 2 + i);
        }
        return frames / (Math.max(cpu() - c0, 1) / 1e9);
    }

    private long cpu() {
        return mx.getCurrentThreadCpuTime();
    }
}
