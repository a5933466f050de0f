package truce.classify.training;

import java.io.IOException;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import truce.features.FrameFeatures;
import truce.framecsv.FrameRow;
import truce.pipeline.FrameProcessor;
import truce.pipeline.VisionSettings;
import truce.source.Frame;
import truce.source.FrameSource;
import truce.source.FrameSources;
import truce.source.SourceEvent;
import truce.source.SourceException;
import truce.floor.FloorMap;

/**
 * The features the vision pipeline actually measures on a scene's video, run exactly as {@code truce analyze}
 * runs it (background seeded from the file's first frames, the scene's zones), so the model learns from what
 * it will see live rather than from the truth.
 */
public final class VisionFeatures implements FeatureSource {
    /** Bump when a change here should invalidate cached features (vision's own code is fingerprinted). */
    public static final String VERSION = "vision-2";

    /**
     * What cached features depend on: this class's version and a digest of the vision code that ran (its jar,
     * or its class files in a build tree), so a changed pipeline never reuses stale features.
     */
    public static String cacheKey() {
        try {
            java.security.MessageDigest md = java.security.MessageDigest.getInstance("SHA-256");
            java.nio.file.Path code = java.nio.file.Path.of(
                    FrameProcessor.class.getProtectionDomain().getCodeSource().getLocation().toURI());
            if (Files.isDirectory(code)) {
                try (var files = Files.walk(code)) {
                    for (java.nio.file.Path f : files.filter(p -> p.toString().endsWith(".class")).sorted().toList()) {
                        md.update(code.relativize(f).toString().getBytes(java.nio.charset.StandardCharsets.UTF_8));
                        md.update(Files.readAllBytes(f));
                    }
                }
            } else {
                // class bytes only: a rebuilt jar of the same code has other timestamps but the same classes
                try (java.util.jar.JarFile jar = new java.util.jar.JarFile(code.toFile())) {
                    for (var e : java.util.Collections.list(jar.entries()).stream()
                            .filter(e -> e.getName().endsWith(".class"))
                            .sorted(java.util.Comparator.comparing(java.util.jar.JarEntry::getName)).toList()) {
                        md.update(e.getName().getBytes(java.nio.charset.StandardCharsets.UTF_8));
                        try (var in = jar.getInputStream(e)) {
                            md.update(in.readAllBytes());
                        }
                    }
                }
            }
            return VERSION + "/" + java.util.HexFormat.of().formatHex(md.digest(), 0, 8);
        } catch (Exception e) {
            return VERSION + "/unknown-" + System.nanoTime(); // cannot tell: never trust the cache
        }
    }

    @Override
    public String name() {
        return "the vision pipeline (code digest " + cacheKey() + ")";
    }

    @Override
    public List<FrameFeatures> features(Scene scene, List<FrameRow> truth) throws IOException {
        if (!scene.hasVideo()) {
            throw new IOException(scene.name() + ": no video at " + scene.video()
                    + " (vision features need the footage; --features truth works from the CSV alone)");
        }
        FloorMap zones = Files.isRegularFile(scene.zones()) ? FloorMap.read(scene.zones()) : FloorMap.NONE;
        String spec = scene.video().toString();
        List<FrameFeatures> out = new ArrayList<>(truth.size());
        try (FrameSource source = FrameSources.open(spec, FrameSources.Options.DEFAULT, SourceEvent.Listener.NONE);
             Frame frame = new Frame();
             FrameProcessor processor = new FrameProcessor(VisionSettings.of(zones))) {
            // Seeded as analyze seeds it: frames spread over the whole file.
            processor.seedFromFile(spec, source.frameCount());
            while (source.read(frame)) {
                out.add(processor.process(frame));
            }
        } catch (SourceException e) {
            throw new IOException(scene.name() + ": " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException(scene.name() + ": interrupted", e);
        }
        return out;
    }
}
