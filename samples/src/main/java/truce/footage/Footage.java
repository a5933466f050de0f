package truce.footage;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * Finds the committed footage ({@code samples/footage}) of a checkout: the demo session and the real mouse clip.
 * The repository root is taken from {@code maven.multiModuleProjectDirectory} when Maven runs us, otherwise found by
 * walking up from the working directory (the jar runs from the repository root in the README's commands).
 */
public final class Footage {
    private final Path dir;

    public Footage(Path footageDir) {
        this.dir = footageDir;
    }

    /** The footage of the checkout we run in; throws with a clear message when there is none. */
    public static Footage locate() {
        return find().orElseThrow(() -> new IllegalStateException(
                "cannot find samples/footage: run from the Truce repository root (working directory is "
                        + Path.of("").toAbsolutePath() + ")"));
    }

    public static Optional<Footage> find() {
        String mm = System.getProperty("maven.multiModuleProjectDirectory");
        if (mm != null) {
            Optional<Footage> f = under(Path.of(mm));
            if (f.isPresent()) {
                return f;
            }
        }
        for (Path p = Path.of("").toAbsolutePath(); p != null; p = p.getParent()) {
            Optional<Footage> f = under(p);
            if (f.isPresent()) {
                return f;
            }
        }
        return Optional.empty();
    }

    private static Optional<Footage> under(Path root) {
        Path d = root.resolve("samples").resolve("footage");
        return Files.isDirectory(d) ? Optional.of(new Footage(d)) : Optional.empty();
    }

    public Path dir() {
        return dir;
    }

    /** The demo session: H.264 MP4 of about two minutes, 640x480, 30 fps. */
    public Path demoVideo() {
        return dir.resolve("demo").resolve("session.mp4");
    }

    public Path demoTruth() {
        return dir.resolve("demo").resolve("session.truth.csv");
    }

    public Path demoZones() {
        return dir.resolve("demo").resolve("session.zones.json");
    }

    /** Real overhead footage of one mouse in an open field (H.264 MP4, LGPL-3.0, see its README). */
    public Path mouseVideo() {
        return dir.resolve("openfield-mouse").resolve("m3v1mp4.mp4");
    }

    /** The width of floor the mouse clip spans, from its README. */
    public static final double MOUSE_VIEW_WIDTH_CM = 50.0;

    /** A clip's file name without its extension: {@code scene-00.avi} -> {@code scene-00}. */
    public static String stem(Path clip) {
        String name = clip.getFileName().toString();
        int dot = name.lastIndexOf('.');
        return dot > 0 ? name.substring(0, dot) : name;
    }

    /**
     * The file beside a clip that shares its stem, as the generator and the committed footage lay them out:
     * {@code beside(scene-00.avi, ".truth.csv")} -> {@code scene-00.truth.csv} ({@code .zones.json}, {@code .info.json}).
     */
    public static Path beside(Path clip, String suffix) {
        return clip.resolveSibling(stem(clip) + suffix);
    }
}
