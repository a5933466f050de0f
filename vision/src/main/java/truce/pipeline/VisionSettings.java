package truce.pipeline;

import truce.detect.AnimalDetector;
import truce.detect.BackgroundDifferenceDetector;
import truce.detect.DetectorSettings;
import truce.track.TrackerSettings;
import truce.floor.FloorMap;

/**
 * Everything the per-frame processor is configured with.
 *
 * @param zones    cover/barrier/perch polygons and the view width (may be {@link FloorMap#NONE})
 * @param detector which detector to make per stream
 * @param tracker  identity tracking tuning
 */
public record VisionSettings(FloorMap zones, AnimalDetector.Factory detector, TrackerSettings tracker) {

    public static VisionSettings of(FloorMap zones) {
        return new VisionSettings(zones, BackgroundDifferenceDetector.factory(DetectorSettings.DEFAULT),
                TrackerSettings.DEFAULT);
    }

    public static VisionSettings defaults() {
        return of(FloorMap.NONE);
    }
}
