package truce.bench;

import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.opencv.core.Mat;
import org.opencv.imgcodecs.Imgcodecs;
import truce.detect.BackgroundDifferenceDetector;
import truce.detect.BlobFinder;
import truce.detect.Blobs;
import truce.detect.DetectorSettings;
import truce.detect.MotionMask;
import truce.features.FeatureExtractor;
import truce.features.FrameFeatures;
import truce.pipeline.FrameProcessor;
import truce.pipeline.VisionSettings;
import truce.track.IdentityTracker;
import truce.track.TrackerSettings;

/**
 * Frames per second of each stage and of the whole chain, one frame per operation. Each thread is its own
 * stream (its own processor), so two threads measure two cameras on two cores.
 * <ul>
 * <li>{@code motion}: shrink, light gain, background difference, shadows, learning, opening/closing;</li>
 * <li>{@code blobs}: connected components, moments, tail trimming, ghost test;</li>
 * <li>{@code track}: identity assignment; {@code features}: smoothing and pair features;</li>
 * <li>{@code chain}: all of it (decode excluded); {@code decode}: MJPG (JPEG) decode alone;
 *     {@code chainWithDecode}: decode then the chain.</li>
 * </ul>
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@State(Scope.Thread)
public class PipelineBenchmark {

    /** Frames shared by the threads of one run (read only). */
    @State(Scope.Benchmark)
    public static class Footage {
        @Param({"640x480", "1280x720"})
        public String size;

        BenchFootage footage;

        @Setup(Level.Trial)
        public void load() {
            int[] wh = BenchFootage.size(size);
            footage = new BenchFootage(wh[0], wh[1], 90);
        }

        @TearDown(Level.Trial)
        public void release() {
            footage.close();
        }
    }

    private MotionMask motion;
    private BackgroundDifferenceDetector detector;
    private BlobFinder finder;
    private IdentityTracker tracker;
    private FeatureExtractor features;
    private FrameProcessor processor;
    private final Blobs blobs = new Blobs();
    private final double[] boxes = new double[12];
    private int boxCount;
    private int next;
    private double timeMs;
    /** Frames run before measuring: at least nine seconds, the lamp's reading by a never-seeded stream included. */
    private static final int WARM_FRAMES = 300;

    @Setup(Level.Trial)
    public void setUp(Footage f) {
        Mat first = f.footage.frame(0);
        detector = new BackgroundDifferenceDetector(first.cols(), first.rows(), DetectorSettings.DEFAULT);
        motion = detector.motion();
        finder = detector.blobFinder();
        tracker = new IdentityTracker(first.cols(), first.rows(), f.footage.floor(), TrackerSettings.DEFAULT);
        tracker.splitWith(detector);
        features = new FeatureExtractor();
        processor = new FrameProcessor(VisionSettings.of(f.footage.floor()));
        // run the stages over the clip so background, tracks and masks are in a steady state, and past the frames a
        // never-seeded stream keeps to read the lamp from (FrameProcessor): a one-off, not a per-frame cost
        int warm = Math.max(f.footage.count(), WARM_FRAMES);
        for (int i = 0; i < warm; i++) {
            boxCount = tracker.animalBoxes(boxes);
            detector.detect(f.footage.frame(i), boxes, boxCount, blobs);
            tracker.update(blobs, i * 1000 / 30.0);
            features.extract(i, i * 1000 / 30.0, tracker);
            processor.process(f.footage.frame(i), i, i * 1000 / 30.0);
        }
        next = warm;
        timeMs = next * 1000 / 30.0;
    }

    @TearDown(Level.Trial)
    public void tearDown() {
        detector.close();
        processor.close();
    }

    private Mat nextFrame(Footage f) {
        timeMs += 1000 / 30.0;
        return f.footage.frame(next++);
    }

    @Benchmark
    public int motion(Footage f) {
        motion.apply(nextFrame(f), boxes, boxCount);
        return boxCount;
    }

    @Benchmark
    public int blobs() {
        finder.find(blobs);
        return blobs.count();
    }

    @Benchmark
    public boolean track() {
        timeMs += 1000 / 30.0;
        tracker.update(blobs, timeMs);
        return tracker.cat().visible();
    }

    @Benchmark
    public FrameFeatures features() {
        timeMs += 1000 / 30.0;
        return features.extract(next++, timeMs, tracker);
    }

    @Benchmark
    public FrameFeatures chain(Footage f) {
        Mat m = nextFrame(f);
        return processor.process(m, next, timeMs);
    }

    @Benchmark
    public int decode(Footage f) {
        Mat m = Imgcodecs.imdecode(f.footage.jpeg(next++), Imgcodecs.IMREAD_COLOR);
        int rows = m.rows();
        m.release();
        return rows;
    }

    @Benchmark
    public FrameFeatures chainWithDecode(Footage f) {
        timeMs += 1000 / 30.0;
        Mat m = Imgcodecs.imdecode(f.footage.jpeg(next++), Imgcodecs.IMREAD_COLOR);
        try {
            return processor.process(m, next, timeMs);
        } finally {
            m.release();
        }
    }
}
