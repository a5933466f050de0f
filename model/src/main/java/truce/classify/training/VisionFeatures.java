package truce.classify.training;

import java.io.IOException;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import org.opencv.core.Mat;
import truce.features.FrameFeatures;
import truce.framecsv.FrameRow;
import truce.pipeline.FrameProcessor;
import truce.pipeline.SeedFrames;
import truce.pipeline.VisionSettings;
import truce.source.Frame;
import truce.source.FrameSource;
import truce.source.FrameSources;
import truce.source.SourceEvent;
import truce.source.SourceException;
import truce.zones.Zones;

/**
 * The features the vision pipeline actually measures on a scene's video, run exactly as {@code truce analyze}
 * runs it (background seeded from the file's first frames, the scene's zones), so the model learns from what
 * it will see live rather than from the truth.
 */
public final class VisionFeatures implements FeatureSource {
    /** Bump when a vision change should invalidate cached features. */
    public static final String VERSION = "vision-1";

    @Override
    public String name() {
        return "vision pipeline (" + VERSION + ")";
    }

    @Override
    public List<FrameFeatures> features(Scene scene, List<FrameRow> truth) throws IOException {
        if (!scene.hasVideo()) {
            throw new IOException(scene.name() + ": no video at " + scene.video()
                    + " (vision features need the footage; --features truth works from the CSV alone)");
        }
        Zones zones = Files.isRegularFile(scene.zones()) ? Zones.read(scene.zones()) : Zones.NONE;
        String spec = scene.video().toString();
        List<FrameFeatures> out = new ArrayList<>(truth.size());
        try (FrameSource source = FrameSources.open(spec, FrameSources.Options.DEFAULT, SourceEvent.Listener.NONE);
             Frame frame = new Frame();
             FrameProcessor processor = new FrameProcessor(VisionSettings.of(zones))) {
            List<Mat> seed = SeedFrames.sample(spec, 600, 20);
            processor.seed(seed);
            SeedFrames.release(seed);
            while (source.read(frame)) {
                out.add(processor.process(frame));
            }
        } catch (SourceException e) {
            throw new IOException(scene.name() + ": " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException(scene.name() + ": interrupted", e);
        }
        return out;
    }
}
