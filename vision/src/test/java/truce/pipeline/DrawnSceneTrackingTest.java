package truce.pipeline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.opencv.core.Mat;
import truce.features.FrameFeatures;
import truce.source.Natives;
import truce.floor.FloorMap;
import truce.zones.Zone;
import truce.zones.ZoneKind;

/** Localisation, identity and hiding on a drawn scene with noise, JPEG, shadows, a ball and a light step. */
class DrawnSceneTrackingTest {

    @BeforeAll
    static void load() {
        Natives.load();
    }

    record Run(double medianCat, double medianRat, int swaps, int catSeen, int ratSeen, List<String> log,
               boolean[] ratVisible, boolean[] ratHidingOk) {
    }

    private static Run seededRun;

    /** Both tests read the same seeded run: drawing and analysing the scene once is enough. */
    static synchronized Run seeded() {
        if (seededRun == null) {
            seededRun = run(true);
        }
        return seededRun;
    }

    static Run run(boolean seeded) {
        double[] s = DrawnScene.SHELTER;
        FloorMap zones = new FloorMap(120, List.of(new Zone(ZoneKind.COVER, "shelter",
                new double[][] {{s[0], s[1]}, {s[2], s[1]}, {s[2], s[3]}, {s[0], s[3]}})));
        List<Double> catErr = new ArrayList<>();
        List<Double> ratErr = new ArrayList<>();
        List<String> log = new ArrayList<>();
        int swaps = 0;
        int catSeen = 0;
        int ratSeen = 0;
        boolean[] ratVis = new boolean[DrawnScene.FRAMES];
        boolean[] hidingOk = new boolean[DrawnScene.FRAMES];
        try (DrawnScene scene = new DrawnScene(); FrameProcessor p = new FrameProcessor(VisionSettings.of(zones))) {
            Mat frame = new Mat();
            if (seeded) {
                Mat empty = scene.emptyFloor();
                p.seed(List.of(empty));
                empty.release();
            }
            for (int f = 0; f < DrawnScene.FRAMES; f++) {
                scene.draw(f, frame);
                FrameFeatures ff = p.process(frame, f, f * 1000 / DrawnScene.FPS);
                ratVis[f] = ff.rat().visible();
                hidingOk[f] = scene.ratVisible ? ff.rat().visible() : (!ff.rat().visible() && ff.ratInCover());
                if (ff.cat().visible()) {
                    catSeen++;
                    catErr.add(Math.hypot(ff.cat().x() - scene.catCx, ff.cat().y() - scene.catCy));
                }
                if (ff.rat().visible() && scene.ratVisible) {
                    ratSeen++;
                    ratErr.add(Math.hypot(ff.rat().x() - scene.ratX, ff.rat().y() - scene.ratY));
                }
                if (ff.cat().visible() && ff.rat().visible() && scene.ratVisible) {
                    double straight = Math.hypot(ff.cat().x() - scene.catCx, ff.cat().y() - scene.catCy)
                            + Math.hypot(ff.rat().x() - scene.ratX, ff.rat().y() - scene.ratY);
                    double crossed = Math.hypot(ff.cat().x() - scene.ratX, ff.cat().y() - scene.ratY)
                            + Math.hypot(ff.rat().x() - scene.catCx, ff.rat().y() - scene.catCy);
                    if (crossed < straight) {
                        swaps++;
                    }
                }
                if (System.getenv("SCENE_DEBUG") != null && f >= 280 && f % 5 == 0) {
                    StringBuilder b = new StringBuilder("f" + f + " gain " + ((truce.detect.BackgroundDifferenceDetector) p.detector()).motion().gain());
                    for (int i = 0; i < p.blobs().count(); i++) {
                        b.append(String.format(" [%.0f @%.0f,%.0f c%.0f]", p.blobs().area(i), p.blobs().cx(i), p.blobs().cy(i), p.blobs().contrast(i)));
                    }
                    log.add(b.toString());
                }
                if (f % 30 == 0) {
                    log.add(String.format("f%d cat %.0f,%.0f (%.0f,%.0f) rat %s %.0f,%.0f (%.0f,%.0f %s) cover=%s",
                            f, ff.cat().x(), ff.cat().y(), scene.catCx, scene.catCy, ff.rat().visible(),
                            ff.rat().x(), ff.rat().y(), scene.ratX, scene.ratY, scene.ratVisible, ff.ratInCover()));
                }
            }
            frame.release();
        }
        return new Run(median(catErr), median(ratErr), swaps, catSeen, ratSeen, log, ratVis, hidingOk);
    }

    static double median(List<Double> v) {
        double[] a = v.stream().mapToDouble(Double::doubleValue).toArray();
        Arrays.sort(a);
        return a.length == 0 ? Double.NaN : a[a.length / 2];
    }

    @Test
    void findsBothAnimalsWithinThreePixelsAndNeverSwapsThem() {
        Run r = seeded();
        String log = String.join("\n", r.log());
        System.out.printf("drawn scene: median error cat %.2f px, rat %.2f px, swaps %d, cat seen %d/%d%n",
                r.medianCat(), r.medianRat(), r.swaps(), r.catSeen(), DrawnScene.FRAMES);
        assertTrue(r.medianCat() <= 3, "median cat error " + r.medianCat() + "\n" + log);
        assertTrue(r.medianRat() <= 3, "median rat error " + r.medianRat() + "\n" + log);
        assertEquals(0, r.swaps(), "identity swaps\n" + log);
        assertTrue(r.catSeen() >= DrawnScene.FRAMES - 5, "cat seen in " + r.catSeen() + " frames\n" + log);
    }

    @Test
    void cropsTheAnimalsForAModelThatWantsPixels() {
        try (DrawnScene scene = new DrawnScene(); FrameProcessor p = new FrameProcessor(VisionSettings.defaults())) {
            Mat frame = new Mat();
            Mat crop = new Mat();
            Mat empty = scene.emptyFloor();
            p.seed(List.of(empty));
            empty.release();
            for (int f = 0; f < 10; f++) {
                scene.draw(f, frame);
                p.process(frame, f, f * 1000 / DrawnScene.FPS);
            }
            assertTrue(p.crop(truce.track.Animal.CAT, frame, crop, 64));
            assertEquals(64, crop.cols());
            assertEquals(64, crop.rows());
            // the cat's coat (B=60, G=110, R=190) dominates the middle of its crop
            double[] centre = crop.get(32, 32);
            assertTrue(centre[2] > centre[0] + 60, java.util.Arrays.toString(centre));
            frame.release();
            crop.release();
        }
    }

    @Test
    void ratHidesUnderTheShelterAndIsSeenAgainWhenItComesOut() {
        Run r = seeded();
        String log = String.join("\n", r.log());
        int bad = 0;
        for (int f = 0; f < DrawnScene.FRAMES; f++) {
            if (!r.ratHidingOk()[f]) {
                bad++;
            }
        }
        // a frame or two of lag at each transition is allowed
        assertTrue(bad <= 6, bad + " frames with the wrong visible/hiding state\n" + log);
        assertTrue(r.ratVisible()[DrawnScene.FRAMES - 1], "rat seen again after leaving the shelter\n" + log);
    }
}
