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
import truce.source.SourceException;

/**
 * The real pipeline for one camera: capture (a vision frame source), detect, track and measure (the vision
 * frame processor), then label (the behaviour classifier). Files can be paced at real time to stand in for a
 * camera (the demo).
 */
public final class VisionFeed implements LiveFeed {
    private final String camera;
    private final FrameSource source;
    private final FrameProcessor processor;
    private final BehaviourClassifier classifier;
    private final Pacer pacer;
    private final Frame frame = new Frame();

    /** Takes ownership of the source and the processor; the classifier stays the caller's (reset here). */
    public VisionFeed(String camera, FrameSource source, FrameProcessor processor, BehaviourClassifier classifier, boolean pace) {
        this.camera = camera;
        this.source = source;
        this.processor = processor;
        this.classifier = classifier;
        this.pacer = pace ? new Pacer() : null;
        classifier.reset();
    }

    @Override
    public LiveFrame next() throws IOException, InterruptedException {
        try {
            if (!source.read(frame)) {
                return null;
            }
        } catch (SourceException e) {
            throw new IOException(e.getMessage(), e);
        }
        if (pacer != null) {
            pacer.await(frame.mediaTimeMs());
        }
        FrameFeatures features = processor.process(frame);
        Labels labels = classifier.classify(features);
        long captured = frame.captureTimeMs();
        return new LiveFrame(camera, features, labels,
                captured > 0 ? Instant.ofEpochMilli(captured) : Instant.now(), frame.bgr());
    }

    @Override
    public long droppedFrames() {
        return source.droppedFrames();
    }

    @Override
    public void close() {
        try {
            source.close();
        } finally {
            processor.close();
            frame.close();
        }
    }
}
