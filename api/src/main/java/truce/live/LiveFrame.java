package truce.live;

import java.time.Instant;
import org.opencv.core.Mat;
import truce.classify.Labels;
import truce.features.FrameFeatures;

/**
 * One labelled frame of a camera, as the camera loop consumes it. The image (BGR, may be null when a source
 * carries detections only, e.g. a remote camera node) belongs to the feed and is valid only until the next
 * frame: a stage that keeps it copies it.
 *
 * @param wallTime when the frame was captured (or classified, for a remote node)
 */
public record LiveFrame(String cameraId, FrameFeatures features, Labels labels, Instant wallTime, Mat image) {
}
