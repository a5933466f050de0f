package truce.source;

import java.nio.file.Files;
import java.nio.file.Path;

/** Finds the real overhead mouse clip: in the repository's samples/footage, else in ../shared/realdata. */
public final class RealClip {
    private RealClip() {
    }

    public static Path root() {
        String prop = System.getProperty("maven.multiModuleProjectDirectory");
        Path p = prop != null ? Path.of(prop) : Path.of("").toAbsolutePath();
        for (Path q = p.toAbsolutePath(); q != null; q = q.getParent()) {
            if (Files.isDirectory(q.resolve(".ci")) || Files.isDirectory(q.resolve("samples"))
                    && Files.isRegularFile(q.resolve("pom.xml")) && Files.isDirectory(q.resolve("vision"))) {
                return q;
            }
        }
        return p;
    }

    /** The clip with this extension (avi = MJPG, mp4 = H.264). */
    public static Path clip(String ext) {
        Path inRepo = root().resolve("samples/footage/openfield-mouse/m3v1mp4." + ext);
        if (Files.isRegularFile(inRepo)) {
            return inRepo;
        }
        Path shared = root().resolve("../shared/realdata/openfield-mouse/m3v1mp4." + ext).normalize();
        if (Files.isRegularFile(shared)) {
            return shared;
        }
        throw new IllegalStateException("real clip m3v1mp4." + ext + " not found in " + inRepo + " or " + shared);
    }
}
