package truce.pipeline;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.Executor;
import org.opencv.core.Mat;
import org.opencv.core.Rect;
import org.opencv.core.Size;
import org.opencv.imgproc.Imgproc;
import truce.detect.AnimalDetector;
import truce.detect.Blobs;
import truce.features.FeatureExtractor;
import truce.features.FrameFeatures;
import truce.source.Frame;
import truce.source.Natives;
import truce.track.Animal;
import truce.track.IdentityTracker;
import truce.track.Track;
import truce.zones.ZoneKind;

/**
 * The per-frame processor: a frame in, its features out. Stages in order: motion + detect (the detector),
 * track (identity), features. One instance per stream and thread; it keeps state between frames (background,
 * tracks, smoothing) and allocates nothing per frame but the small result records.
 */
public final class FrameProcessor implements AutoCloseable {
    private final VisionSettings settings;
    private final Blobs blobs = new Blobs();
    private final double[] boxes = new double[12];
    private final FeatureExtractor features = new FeatureExtractor();
    private AnimalDetector detector;
    private IdentityTracker tracker;
    private int width;
    private int height;
    private int epoch;
    /**
     * Whether the lamp is read already, being read, or there is none to read (no covers): it is read at seeding, or
     * by a never-seeded (live) stream from its first frames.
     */
    private boolean lampSought;
    private LampDirection.Lamp lamp;
    /** A live stream's frames kept for the lamp: one every {@link #LAMP_EVERY} until {@link #LAMP_SAMPLES}. */
    private final List<Mat> lampSamples = new ArrayList<>();
    /** A live stream's lamp being read off the frame thread, or null. */
    private CompletableFuture<LampDirection.Lamp> lampReading;
    private long framesSeen;
    private static final int LAMP_SAMPLES = 9;
    private static final int LAMP_EVERY = 30;
    /**
     * Runs a live stream's one lamp reading on a thread of its own: the 0.15-0.45 s it takes (on this machine) would
     * stall the frame thread, and a live source would drop that many frames, a lunge's among them.
     */
    private static final Executor LAMP_READER = task -> {
        Thread t = new Thread(task, "truce-lamp-reading");
        t.setDaemon(true);
        t.start();
    };

    public FrameProcessor(VisionSettings settings) {
        Natives.load();
        this.settings = settings;
    }

    public FrameFeatures process(Frame frame) {
        return process(frame.bgr(), frame.index(), frame.mediaTimeMs());
    }

    public FrameFeatures process(Mat bgr, long index, double timeMs) {
        ensure(bgr.cols(), bgr.rows());
        if (lampReading != null && lampReading.isDone()) {
            takeLamp();
        }
        if (!lampSought && framesSeen++ % LAMP_EVERY == 0) {
            sampleForLamp(bgr);
        }
        int n = tracker.animalBoxes(boxes);
        detector.detect(bgr, boxes, n, tracker.catBox(), blobs);
        if (detector.backgroundEpoch() != epoch) {
            epoch = detector.backgroundEpoch();
            resetTracks(); // identities formed against a background with animals in it
            detector.detect(bgr, boxes, 0, blobs);
        }
        tracker.update(blobs, timeMs);
        return features.extract(index, timeMs, tracker);
    }

    private void ensure(int w, int h) {
        if (detector != null && w == width && h == height) {
            return;
        }
        if (detector != null) {
            detector.close(); // the resolution changed (a camera reconnected differently): start afresh
        }
        width = w;
        height = h;
        detector = settings.detector().create(w, h);
        // a new detector learns, or is seeded with, a background of its own
        lampSought = !settings.zones().has(ZoneKind.COVER);
        lamp = null;
        lampReading = null; // a reading in flight was of the old size: it releases its frames when it ends
        dropLampSamples();
        framesSeen = 0;
        tracker = new IdentityTracker(w, h, settings.zones(), settings.tracker());
        tracker.splitWith(detector);
        features.reset();
    }

    /**
     * Starts the background from these frames (a per-pixel median), e.g. frames sampled from the start of
     * a file, so animals present in the first frame leave no ghost; with covers in the zones, also reads from them
     * which way the lamp throws shadows ({@link LampDirection}). The frames may be released afterwards.
     */
    public void seed(List<Mat> frames) {
        if (frames.isEmpty()) {
            return;
        }
        Mat first = frames.get(0);
        ensure(first.cols(), first.rows());
        detector.seed(frames);
        lampSought = true;
        applyLamp(LampDirection.of(frames, settings.zones()));
    }

    /**
     * A live stream is never seeded: its lamp is read from the median of a few of its first frames, at full size (the
     * detector's own background is too coarse for a cover's shadow), spread over seconds so the animals move off.
     * The reading runs off the frame thread and owns the samples, releasing them when it ends; a later frame takes
     * its result ({@link #takeLamp}).
     */
    private void sampleForLamp(Mat bgr) {
        lampSamples.add(bgr.clone());
        if (lampSamples.size() == LAMP_SAMPLES) {
            lampSought = true;
            List<Mat> still = List.copyOf(lampSamples);
            lampSamples.clear();
            var zones = settings.zones();
            lampReading = CompletableFuture.supplyAsync(() -> {
                try {
                    return LampDirection.of(still, zones);
                } finally {
                    SeedFrames.release(still);
                }
            }, LAMP_READER);
        }
    }

    /** Takes the finished lamp reading; one that failed throws here, on the frame thread, as a seeded one would. */
    private void takeLamp() {
        CompletableFuture<LampDirection.Lamp> reading = lampReading;
        lampReading = null;
        try {
            applyLamp(reading.join());
        } catch (CompletionException e) {
            if (e.getCause() instanceof RuntimeException r) {
                throw r;
            }
            throw e;
        }
    }

    /** Waits for a live stream's lamp reading in flight, if any, and takes it (tests: the reading's timing is the OS's). */
    void awaitLamp() {
        if (lampReading != null) {
            takeLamp();
        }
    }

    private void dropLampSamples() {
        SeedFrames.release(lampSamples);
        lampSamples.clear();
    }

    private void applyLamp(LampDirection.Lamp read) {
        lamp = read;
        if (lamp != null) {
            detector.lamp(lamp.ux(), lamp.uy(), lamp.reachPx());
        }
    }

    /** The lamp the covers showed, or null (not read yet, no covers, no shadow beside them). */
    LampDirection.Lamp lamp() {
        return lamp;
    }

    /**
     * Seeds the background as offline analysis does: from frames spread over the whole file ({@link
     * SeedFrames#spread}), released once seeded. Figures from every offline command rest on this one seed.
     */
    public void seedFromFile(String spec, long frameCount) {
        List<Mat> frames = SeedFrames.spread(spec, frameCount);
        try {
            seed(frames);
        } finally {
            SeedFrames.release(frames);
        }
    }

    /** Forgets the tracks and motion history (a gap in a live stream); the background is kept. */
    public void resetTracks() {
        if (tracker != null) {
            tracker.reset();
        }
        features.reset();
    }

    /** The tracker, for drawing and for tests; null before the first frame. */
    public IdentityTracker tracker() {
        return tracker;
    }

    /** The detector, for benchmarks of single stages; null before the first frame. */
    public AnimalDetector detector() {
        return detector;
    }

    public Blobs blobs() {
        return blobs;
    }

    /**
     * A square crop around an animal (1.5 body lengths across), resized to {@code size} x {@code size} into
     * a reused Mat, for a model that wants pixels.
     *
     * @return false when the animal is not in view
     */
    public boolean crop(Animal animal, Mat bgr, Mat dst, int size) {
        if (tracker == null) {
            return false;
        }
        Track t = tracker.track(animal);
        if (!t.visible()) {
            return false;
        }
        int side = (int) Math.max(16, Math.min(Math.min(width, height), 1.5 * Math.max(t.length(), t.width())));
        int x0 = (int) Math.round(t.x() - side / 2.0);
        int y0 = (int) Math.round(t.y() - side / 2.0);
        x0 = Math.max(0, Math.min(width - side, x0));
        y0 = Math.max(0, Math.min(height - side, y0));
        Mat roi = bgr.submat(new Rect(x0, y0, side, side));
        try {
            Imgproc.resize(roi, dst, new Size(size, size), 0, 0, Imgproc.INTER_AREA);
        } finally {
            roi.release();
        }
        return true;
    }

    @Override
    public void close() {
        dropLampSamples();
        if (detector != null) {
            detector.close();
            detector = null;
        }
    }
}
