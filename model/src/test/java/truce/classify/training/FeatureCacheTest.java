package truce.classify.training;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import truce.features.FrameFeatures;
import truce.framecsv.FrameRow;

class FeatureCacheTest {

    @Test
    void featuresComeBackIdenticalAndTheInnerSourceRunsOnce(@TempDir Path dir) throws Exception {
        List<FrameRow> truth = SimulatedScenes.scene(3, 200);
        List<FrameFeatures> expected = new TruthFeatures(1, 90, 40, 7).features("s", truth);
        Files.writeString(dir.resolve("s.avi"), "stand-in video bytes");
        Scene scene = new Scene("s", dir.resolve("s.truth.csv"), dir.resolve("s.avi"), dir.resolve("s.zones.json"));
        AtomicInteger calls = new AtomicInteger();
        FeatureSource counting = counting(calls, expected);
        FeatureCache cache = new FeatureCache(counting, "v1");
        assertEquals(expected, cache.features(scene, truth));
        assertEquals(expected, cache.features(scene, truth));
        assertEquals(1, calls.get());
        assertEquals(expected, new FeatureCache(counting, "v2").features(scene, truth));
        assertEquals(2, calls.get(), "another source version recomputes");
        assertEquals(expected, cache.features(scene, truth));
        assertEquals(2, calls.get(), "each version keeps its own file, so v1 is still cached after v2 ran");
        try (var files = Files.list(dir.resolve(".truce-features"))) {
            List<Path> written = files.toList();
            assertEquals(2, written.size());
            assertNull(FeatureCache.read(written.get(0), "v1|other"), "a stamp that does not match is no hit");
        }
    }

    /** `train --data A B` names A's scenes "A/scene-00": they must find what `evaluate --data A` cached. */
    @Test
    void aSceneRenamedForSeveralDirectoriesFindsItsVideosCache(@TempDir Path dir) throws Exception {
        List<FrameRow> truth = SimulatedScenes.scene(4, 120);
        List<FrameFeatures> expected = new TruthFeatures(1, 90, 40, 7).features("s", truth);
        Files.writeString(dir.resolve("scene-00.avi"), "stand-in video bytes");
        AtomicInteger calls = new AtomicInteger();
        FeatureSource counting = counting(calls, expected);
        FeatureCache cache = new FeatureCache(counting, "v1");
        Scene alone = new Scene("scene-00", dir.resolve("scene-00.truth.csv"), dir.resolve("scene-00.avi"),
                dir.resolve("scene-00.zones.json"));
        Scene prefixed = new Scene("set-a/scene-00", alone.truth(), alone.video(), alone.zones());
        assertEquals(expected, cache.features(alone, truth));
        assertEquals(expected, cache.features(prefixed, truth));
        assertEquals(1, calls.get(), "the prefixed scene reads the same video's cache");
    }

    /** A source that counts its calls and always gives these features. */
    private static FeatureSource counting(AtomicInteger calls, List<FrameFeatures> features) {
        return new FeatureSource() {
            @Override
            public String name() {
                return "counting";
            }

            @Override
            public List<FrameFeatures> features(Scene s, List<FrameRow> t) {
                calls.incrementAndGet();
                return features;
            }
        };
    }
}
