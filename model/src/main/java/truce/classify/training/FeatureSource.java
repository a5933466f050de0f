package truce.classify.training;

import java.io.IOException;
import java.util.List;
import truce.features.FrameFeatures;
import truce.framecsv.FrameRow;

/** Where a scene's per-frame features come from: the vision pipeline over its video, or a stand-in. */
public interface FeatureSource {

    /** Short name for logs and the model card. */
    String name();

    /** One FrameFeatures per truth row, in frame order. */
    List<FrameFeatures> features(Scene scene, List<FrameRow> truth) throws IOException;
}
