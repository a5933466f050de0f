package truce.feed;

import java.io.IOException;
import java.time.Instant;
import truce.classify.BehaviourClassifier;
import truce.classify.Labels;
import truce.features.FrameFeatures;
import truce.live.LiveFeed;
import truce.live.LiveFrame;
import truce.pipeline.FrameProcessor;
import truce.source.Frame;
import truce.source.FrameSource;

/**
 * The real pipeline for one camera: capture (a vision frame source), detect, track and measure (the vision
 * frame processor), then label (the behaviour classifier). Files can be paced at real time to stand in for a
 * camera (the demo).
 */
public final class VisionFeed implements LiveFeed {
    private final String camera;
    private final PacedSource in;
    private final FrameProcessor processor;
    private final BehaviourClassifier classifier;

    /** Takes ownership of the source and the processor; the classifier stays the caller's (reset here). */
    public VisionFeed(String camera, FrameSource source, FrameProcessor processor, BehaviourClassifier classifier, boolean pace) {
        this.camera = camera;
        this.in = new PacedSource(source, pace);
        this.processor = processor;
        this.classifier = classifier;
        classifier.reset();
    }

    @Override
    public LiveFrame next() throws IOException, InterruptedException {
        if (!in.read()) {
            return null;
        }
        Frame frame = in.frame();
        FrameFeatures features = processor.process(frame);
        Labels labels = classifier.classify(features, frame.bgr());
        long captured = frame.captureTimeMs();
        return new LiveFrame(camera, features, labels,
                captured > 0 ? Instant.ofEpochMilli(captured) : Instant.now(), frame.bgr());
    }

    @Override
    public long droppedFrames() {
        return in.droppedFrames();
    }

    @Override
    public void close() {
        try {
            processor.close();
        } finally {
            in.close();
        }
    }
}
