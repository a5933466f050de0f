package truce.feed;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.opencv.core.Mat;
import truce.classify.RuleBasedClassifier;
import truce.framecsv.FrameCsv;
import truce.framecsv.FrameRow;
import truce.live.CameraConfig;
import truce.live.LiveFeed;
import truce.live.LiveFrame;
import truce.pipeline.SeedFrames;
import truce.source.Natives;

/**
 * The demo as {@code serve} plays it. Seeded from its first 20 s, the background held the demo's cat, lying still
 * there: no cat for 440 frames, then a hand at the edge taken for it, read as a lunge at 15 s (the truth's first
 * lunge is at 22.5 s). Seeded over the whole file, as analyze seeds it, the cat is found from the first frame, and
 * each loop of the file reuses the sample instead of decoding the clip again.
 */
class DemoSeedTest {

    @Test
    void theDemoCatIsFoundFromTheStartOnEveryPass() throws Exception {
        Natives.load();
        Path demo = Feeds.findDemo();
        List<FrameRow> truth = FrameCsv.readRows(Feeds.truthBeside(demo));
        CameraConfig cfg = new CameraConfig("cam0", demo.toString(), "A+B", 5, null,
                Feeds.zonesBeside(demo).toString(), null);
        LiveFeed.Opener opener = Feeds.vision(cfg, demo.toString(), new RuleBasedClassifier(), true);
        for (int pass = 0; pass < 2; pass++) {
            int near = 0;
            int frames = 30;
            try (LiveFeed feed = opener.open()) {
                for (int i = 0; i < frames; i++) {
                    LiveFrame f = feed.next();
                    FrameRow r = truth.get((int) f.features().frame());
                    if (f.features().cat().visible()
                            && Math.hypot(f.features().cat().x() - r.catX(), f.features().cat().y() - r.catY()) < 20) {
                        near++;
                    }
                }
            }
            assertTrue(near >= frames - 2, "pass " + pass + ": the cat within 20 px on " + near + " of " + frames);
        }
    }

    @Test
    void aLoopingFileIsSampledOnceAndGivesTheSameSeedEachTime() throws Exception {
        Natives.load();
        Path demo = Feeds.findDemo();
        SeedCache cache = new SeedCache(demo.toString());
        List<Mat> first = cache.frames(3600);
        List<Mat> again = cache.frames(3600);
        try {
            assertEquals(1, cache.samplings());
            assertTrue(first.size() >= 40, "frames spread over the whole clip: " + first.size());
            assertEquals(first.size(), again.size());
            assertEquals(640, again.get(0).cols());
            assertEquals(480, again.get(0).rows());
        } finally {
            SeedFrames.release(first);
            SeedFrames.release(again);
        }
    }
}
