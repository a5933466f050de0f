package truce.pipeline;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import truce.footage.Footage;
import truce.source.Natives;
import truce.source.RealClip;

/**
 * The demo clip every new user sees first: its bicolour cat has a grey saddle on a light grey carpet that a
 * plain shadow test takes for shadow (the cat was lost after frame ~860, found near the truth in 479 of 3600
 * frames, with 43 swapped frames). Then (784 of 3600) it was lost for good at frame 995: its reference size had
 * been learnt while it was merged with its own ghost and never came down, so the true-size cat was refused as a
 * speck; once lost, its grey coat passed for shadow and it melted into the background where it lay. Scored as
 * TrackingScore scores it.
 */
class DemoClipTest {

    @Test
    void theDemoCatStaysFoundWithoutSwaps() throws Exception {
        Natives.load();
        Path video = RealClip.root().resolve("samples/footage/demo/session.mp4");
        assertTrue(Files.exists(video), "demo clip missing: " + video);
        TrackingScore.Tally t = TrackingScore.score(video, Footage.beside(video, ".truth.csv"),
                Footage.beside(video, ".zones.json"));
        System.out.println(t.line("demo"));
        assertTrue(t.catGood >= 1800, "demo cat within 20 px in " + t.catGood + " of " + t.frames + " frames");
        assertTrue(t.ratGood >= 1950, "demo rat within 20 px in " + t.ratGood + " of " + t.ratInView + " in view");
        // 10 on main, where both animals were lost through the lunge at 2690; followed through it now, the cat's
        // tracked centroid lags 34 px behind its head for one frame (2693) and the crossed pairing fits better
        assertTrue(t.swappedFrames <= 11, "demo swapped frames " + t.swappedFrames);
    }
}
