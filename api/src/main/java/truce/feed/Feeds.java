package truce.feed;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.opencv.core.Mat;
import truce.classify.BehaviourClassifier;
import truce.floor.FloorMap;
import truce.footage.Footage;
import truce.live.CameraConfig;
import truce.live.LiveFeed;
import truce.pipeline.FrameProcessor;
import truce.pipeline.SeedFrames;
import truce.pipeline.VisionSettings;
import truce.source.FrameSource;
import truce.source.FrameSources;
import truce.source.SourceEvent;
import truce.source.SourceException;

/** Openers for a camera's feed: the real pipeline, or a truth replay when one is configured. */
public final class Feeds {
    /** Where the bundled demo lives, relative to the repository root. */
    public static final String DEMO = "samples/footage/demo/session.mp4";

    private Feeds() {
    }

    /** Finds the demo clip from the working directory or from the jar's place (api/target/truce.jar). */
    public static Path findDemo() throws IOException {
        Path[] starts = {Path.of("").toAbsolutePath(), jarDir()};
        for (Path start : starts) {
            for (Path p = start; p != null; p = p.getParent()) {
                Path candidate = p.resolve(DEMO);
                if (Files.isRegularFile(candidate)) {
                    return candidate;
                }
            }
        }
        throw new IOException("the demo clip " + DEMO + " was not found (looked upwards from the working directory and "
                + "from the jar); pass --camera 0, a device, a URL or a video file");
    }

    private static Path jarDir() {
        try {
            return Path.of(Feeds.class.getProtectionDomain().getCodeSource().getLocation().toURI()).getParent();
        } catch (Exception e) {
            return null;
        }
    }

    /** The sibling truth CSV of a demo clip (session.mp4 -> session.truth.csv), if there is one. */
    public static Path truthBeside(Path video) {
        return Footage.beside(video, ".truth.csv");
    }

    /** The zones file beside a demo clip (session.mp4 -> session.zones.json), if there is one. */
    public static Path zonesBeside(Path video) {
        return Footage.beside(video, ".zones.json");
    }

    static boolean isFile(String source) {
        return !(source.matches("\\d+") || source.startsWith("/dev/video") || source.contains("://"))
                && Files.isRegularFile(Path.of(source));
    }

    /**
     * The real pipeline: vision source + processor + the given classifier (one per camera, reset per stream).
     * A file is paced at real time and looped when {@code loop}.
     */
    public static LiveFeed.Opener vision(CameraConfig cfg, String source, BehaviourClassifier classifier, boolean loop) throws IOException {
        FloorMap zones = zones(cfg);
        boolean file = isFile(source);
        // A file (the demo) may look ahead over itself for the background, as analyze does; a live camera
        // bootstraps its background itself.
        SeedCache seeds = file ? new SeedCache(source) : null;
        return opener(cfg.source(), loop, file, () -> {
            FrameSource s = openSource(source);
            FrameProcessor p = new FrameProcessor(VisionSettings.of(zones));
            if (seeds != null) {
                List<Mat> seed = seeds.frames(s.frameCount());
                p.seed(seed);
                SeedFrames.release(seed);
            }
            return new VisionFeed(cfg.id(), s, p, classifier, file);
        });
    }

    /** Truth replay: the video's frames with the truth CSV's labels (see {@link TruthReplay}). */
    public static LiveFeed.Opener truth(CameraConfig cfg, String source, Path truthCsv, boolean loop) throws IOException {
        if (!Files.isRegularFile(truthCsv)) {
            throw new IOException("truth CSV " + truthCsv + " not found");
        }
        FloorMap zones = zones(cfg);
        // Without a scale, a cat's length is taken as a tenth of a typical 640 px picture.
        double catLengthPx = 64;
        if (zones.hasScale()) {
            catLengthPx = 640.0 * 45.0 / zones.viewWidthCm();
        }
        double len = catLengthPx;
        boolean file = isFile(source);
        return opener(cfg.source() + " (truth replay)", loop, file,
                () -> new TruthReplay(cfg.id(), openSource(source), truthCsv, len, file));
    }

    private interface FeedFactory {
        LiveFeed open() throws IOException;
    }

    /** An opener over a file (paced, read once or looped) or a live source (reopened after failures). */
    private static LiveFeed.Opener opener(String describe, boolean loop, boolean file, FeedFactory factory) {
        return new LiveFeed.Opener() {
            @Override
            public LiveFeed open() throws IOException {
                return factory.open();
            }

            @Override
            public String describe() {
                return describe;
            }

            @Override
            public boolean restartsAtEnd() {
                return loop;
            }

            @Override
            public boolean live() {
                return !file;
            }
        };
    }

    private static FloorMap zones(CameraConfig cfg) throws IOException {
        FloorMap z = cfg.zones() == null ? FloorMap.NONE : FloorMap.read(Path.of(cfg.zones()));
        if (cfg.viewWidthCm() != null) {
            z = z.withViewWidthCm(cfg.viewWidthCm());
        }
        return z;
    }

    private static FrameSource openSource(String source) throws IOException {
        try {
            return FrameSources.open(source, FrameSources.Options.DEFAULT, e -> {
                if (e instanceof SourceEvent.Failed f) {
                    org.slf4j.LoggerFactory.getLogger(Feeds.class).warn("{}: {}", f.source(), f.reason());
                }
            });
        } catch (SourceException e) {
            throw new IOException(e.getMessage(), e);
        }
    }
}
