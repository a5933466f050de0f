package truce.classify.training;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import truce.classify.BodyCrop;
import truce.features.AnimalFeatures;
import truce.features.FrameFeatures;
import truce.footage.Footage;
import truce.source.Frame;
import truce.source.FrameSource;
import truce.source.FrameSources;
import truce.source.SourceEvent;
import truce.source.SourceException;

/**
 * The cat's crop in every frame of a scene, cut from its video by {@link BodyCrop} exactly as the live path cuts
 * it, at the places the scene's features put the cat. Cached beside the video in {@code .truce-features/}, keyed
 * on the video, the crop's version and the features' cat track, so crops never outlive the track they were cut on.
 *
 * @param cut    per frame, whether the cat was in view and cut
 * @param pixels per frame, {@link BodyCrop#BYTES} bytes (zero where not cut)
 */
public record CatCrops(boolean[] cut, byte[] pixels) {
    /** Bump when {@link BodyCrop} cuts differently. */
    static final String VERSION = "crops-2";

    public int frames() {
        return cut.length;
    }

    /** The crops of a scene's video at its features' cat track (cached). */
    public static CatCrops of(Scene scene, List<FrameFeatures> features) throws IOException {
        Path video = scene.video().toRealPath();
        String stamp = VERSION + "|" + Files.size(video) + "|" + Files.getLastModifiedTime(video).toMillis() + "|"
                + trackDigest(features);
        Path file = video.resolveSibling(".truce-features")
                .resolve(Footage.stem(video) + "." + FeatureCache.shortHash(stamp) + ".crops");
        if (Files.isRegularFile(file)) {
            try {
                CatCrops cached = read(file, stamp, features.size());
                if (cached != null) {
                    return cached;
                }
            } catch (IOException | RuntimeException e) {
                // fall through and cut again
            }
        }
        CatCrops crops = cut(scene, features);
        try {
            write(file, stamp, crops);
        } catch (IOException e) {
            // read-only data directory: no cache, same crops
        }
        return crops;
    }

    private static CatCrops cut(Scene scene, List<FrameFeatures> features) throws IOException {
        int n = features.size();
        boolean[] cut = new boolean[n];
        byte[] pixels = new byte[n * BodyCrop.BYTES];
        byte[] one = new byte[BodyCrop.BYTES];
        try (FrameSource source = FrameSources.open(scene.video().toString(), FrameSources.Options.DEFAULT,
                SourceEvent.Listener.NONE);
             Frame frame = new Frame();
             BodyCrop crop = new BodyCrop()) {
            for (int i = 0; i < n && source.read(frame); i++) {
                if (crop.cut(frame.bgr(), features.get(i).cat(), one)) {
                    cut[i] = true;
                    System.arraycopy(one, 0, pixels, i * BodyCrop.BYTES, BodyCrop.BYTES);
                }
            }
        } catch (SourceException e) {
            throw new IOException(scene.name() + ": " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException(scene.name() + ": interrupted", e);
        }
        return new CatCrops(cut, pixels);
    }

    /** What the crops depend on in the features: where the cat is, how long and which way it points. */
    static String trackDigest(List<FrameFeatures> features) {
        try {
            MessageDigest md = MessageDigest.getInstance("SHA-256");
            java.nio.ByteBuffer b = java.nio.ByteBuffer.allocate(1 + 4 * 8);
            for (FrameFeatures f : features) {
                AnimalFeatures c = f.cat();
                b.clear();
                b.put((byte) (c.visible() ? 1 : 0)).putDouble(c.x()).putDouble(c.y()).putDouble(c.bodyLength())
                        .putDouble(c.heading());
                md.update(b.array(), 0, b.position());
            }
            return HexFormat.of().formatHex(md.digest(), 0, 8);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    static void write(Path file, String stamp, CatCrops crops) throws IOException {
        Files.createDirectories(file.getParent());
        Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
        try (DataOutputStream out = new DataOutputStream(new BufferedOutputStream(Files.newOutputStream(tmp), 1 << 16))) {
            out.writeUTF(stamp);
            out.writeInt(crops.frames());
            for (int i = 0; i < crops.frames(); i++) {
                out.writeBoolean(crops.cut[i]);
                if (crops.cut[i]) {
                    out.write(crops.pixels, i * BodyCrop.BYTES, BodyCrop.BYTES);
                }
            }
        }
        Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }

    /** The cached crops, or null if the file is for another video, crop or track. */
    static CatCrops read(Path file, String stamp, int frames) throws IOException {
        try (DataInputStream in = new DataInputStream(new BufferedInputStream(Files.newInputStream(file), 1 << 16))) {
            if (!in.readUTF().equals(stamp) || in.readInt() != frames) {
                return null;
            }
            boolean[] cut = new boolean[frames];
            byte[] pixels = new byte[frames * BodyCrop.BYTES];
            for (int i = 0; i < frames; i++) {
                cut[i] = in.readBoolean();
                if (cut[i]) {
                    in.readFully(pixels, i * BodyCrop.BYTES, BodyCrop.BYTES);
                }
            }
            return new CatCrops(cut, pixels);
        }
    }
}
