package truce.feed;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import truce.classify.Labels;
import truce.features.AnimalFeatures;
import truce.features.FrameFeatures;
import truce.framecsv.FrameRow;
import truce.live.LiveFeed;
import truce.live.LiveFrame;
import truce.source.Frame;
import truce.source.FrameSource;

/**
 * Replays a per-frame truth CSV as the labels of a video's frames, in place of detection and classification:
 * only when asked ({@code serve --truth FILE}), to exercise the service end to end with exact labels (tests,
 * demos of the service without the model). Features carry the truth positions; the heading points at the rat,
 * the cat's body length is {@code catLengthPx}; the truth has no head direction, so the facing angle is unknown
 * (NaN) and no calm looks are counted.
 */
public final class TruthReplay implements LiveFeed {
    private final String camera;
    private final PacedSource in;
    private final List<FrameRow> truth;
    private final double catLengthPx;
    private long index;

    public TruthReplay(String camera, FrameSource source, Path truthCsv, double catLengthPx, boolean pace) throws IOException {
        this.camera = camera;
        try {
            this.truth = truce.framecsv.FrameCsv.readRows(truthCsv);
        } catch (IOException | RuntimeException e) {
            source.close(); // the caller handed the source over: an unreadable truth file must not leak a camera
            throw e;
        }
        this.in = new PacedSource(source, pace);
        this.catLengthPx = catLengthPx;
    }

    @Override
    public LiveFrame next() throws IOException, InterruptedException {
        if (!in.read()) {
            return null;
        }
        Frame frame = in.frame();
        long i = index++;
        if (i >= truth.size()) {
            return null; // the video outlasts its truth: stop where the labels stop
        }
        FrameRow r = truth.get((int) i);
        double t = frame.mediaTimeMs();
        AnimalFeatures cat = animal(r.catVisible(), r.catX(), r.catY(), heading(r));
        AnimalFeatures rat = animal(r.ratVisible(), r.ratX(), r.ratY(), 0);
        boolean both = r.catVisible() && r.ratVisible();
        double dist = both ? Math.hypot(r.ratX() - r.catX(), r.ratY() - r.catY()) : Double.NaN;
        FrameFeatures f = new FrameFeatures(i, t, cat, rat, dist, both ? dist / catLengthPx : Double.NaN, 0,
                Double.NaN, r.ratState() == truce.behaviour.RatState.HIDING);
        return new LiveFrame(camera, f, new Labels(r.catPosture(), r.ratState(), null, null), Instant.now(), frame.bgr());
    }

    private static double heading(FrameRow r) {
        return r.catVisible() && r.ratVisible() ? Math.atan2(r.ratY() - r.catY(), r.ratX() - r.catX()) : 0;
    }

    private AnimalFeatures animal(boolean visible, double x, double y, double heading) {
        if (!visible) {
            return new AnimalFeatures(false, Double.NaN, Double.NaN, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1);
        }
        return new AnimalFeatures(true, x, y, 0, 0, 0, 0, 0, heading, catLengthPx, catLengthPx / 3, 3, 0, 0);
    }

    @Override
    public long droppedFrames() {
        return in.droppedFrames();
    }

    @Override
    public void close() {
        in.close();
    }
}
