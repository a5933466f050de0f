package truce.classify.training;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import truce.features.AnimalFeatures;
import truce.features.FrameFeatures;
import truce.footage.Footage;
import truce.framecsv.FrameRow;

/**
 * Caches another source's features per scene in {@code DIR/.truce-features/}, one file per source key, checked
 * against the video's size and modification time and the source's key, so that training and evaluation run vision over each video once.
 * A cache that cannot be written (read-only data) is skipped silently; a damaged one is recomputed.
 */
public final class FeatureCache implements FeatureSource {
    private static final int FORMAT = 1;
    private final FeatureSource inner;
    private final String key;

    /** @param key what identifies the inner source's output (its name and version) */
    public FeatureCache(FeatureSource inner, String key) {
        this.inner = inner;
        this.key = key;
    }

    @Override
    public String name() {
        return inner.name();
    }

    @Override
    public List<FrameFeatures> features(Scene scene, List<FrameRow> truth) throws IOException {
        Path video = scene.video().toRealPath(); // a linked video shares its original's cache
        if (!Files.isRegularFile(video)) {
            return inner.features(scene, truth);
        }
        String stamp = key + "|" + Files.size(video) + "|" + Files.getLastModifiedTime(video).toMillis();
        // named after the video, not the scene: with several --data directories a scene's name carries its
        // directory's prefix, and the features cached by a one-directory run would be computed again
        Path file = video.resolveSibling(".truce-features")
                .resolve(Footage.stem(video) + "." + shortHash(key) + ".features");
        if (Files.isRegularFile(file)) {
            try {
                List<FrameFeatures> cached = read(file, stamp);
                if (cached != null) {
                    return cached;
                }
            } catch (IOException | RuntimeException e) {
                // fall through and recompute
            }
        }
        List<FrameFeatures> features = inner.features(scene, truth);
        try {
            write(file, stamp, features);
        } catch (IOException e) {
            // read-only data directory: no cache, same result
        }
        return features;
    }

    /**
     * The first 12 hex digits of the SHA-256 of {@code s}: a cache file's name part. The key's hash is in the file
     * name so that sources of other versions (another vision branch sharing the data) keep their own files instead
     * of overwriting each other's on every run; crops name theirs the same way.
     */
    static String shortHash(String s) {
        try {
            byte[] d = java.security.MessageDigest.getInstance("SHA-256")
                    .digest(s.getBytes(java.nio.charset.StandardCharsets.UTF_8));
            return java.util.HexFormat.of().formatHex(d, 0, 6);
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    static void write(Path file, String stamp, List<FrameFeatures> features) throws IOException {
        Files.createDirectories(file.getParent());
        Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
        try (DataOutputStream out = new DataOutputStream(new BufferedOutputStream(Files.newOutputStream(tmp)))) {
            out.writeInt(FORMAT);
            out.writeUTF(stamp);
            out.writeInt(features.size());
            for (FrameFeatures f : features) {
                out.writeLong(f.frame());
                out.writeDouble(f.timeMs());
                writeAnimal(out, f.cat());
                writeAnimal(out, f.rat());
                out.writeDouble(f.distance());
                out.writeDouble(f.distanceCatLengths());
                out.writeDouble(f.approachSpeed());
                out.writeDouble(f.catFacingAngle());
                out.writeBoolean(f.ratInCover());
            }
        }
        Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }

    /** The cached features, or null if the cache is for another video or source. */
    static List<FrameFeatures> read(Path file, String stamp) throws IOException {
        try (DataInputStream in = new DataInputStream(new BufferedInputStream(Files.newInputStream(file)))) {
            if (in.readInt() != FORMAT || !in.readUTF().equals(stamp)) {
                return null;
            }
            int n = in.readInt();
            List<FrameFeatures> out = new ArrayList<>(n);
            for (int i = 0; i < n; i++) {
                out.add(new FrameFeatures(in.readLong(), in.readDouble(), readAnimal(in), readAnimal(in),
                        in.readDouble(), in.readDouble(), in.readDouble(), in.readDouble(), in.readBoolean()));
            }
            return out;
        }
    }

    private static void writeAnimal(DataOutputStream out, AnimalFeatures a) throws IOException {
        out.writeBoolean(a.visible());
        for (double v : new double[] {a.x(), a.y(), a.vx(), a.vy(), a.speed(), a.speedBodyLengths(),
                a.acceleration(), a.heading(), a.bodyLength(), a.bodyWidth(), a.elongation(), a.area()}) {
            out.writeDouble(v);
        }
        out.writeInt(a.framesUnseen());
    }

    private static AnimalFeatures readAnimal(DataInputStream in) throws IOException {
        return new AnimalFeatures(in.readBoolean(), in.readDouble(), in.readDouble(), in.readDouble(),
                in.readDouble(), in.readDouble(), in.readDouble(), in.readDouble(), in.readDouble(), in.readDouble(),
                in.readDouble(), in.readDouble(), in.readDouble(), in.readInt());
    }
}
