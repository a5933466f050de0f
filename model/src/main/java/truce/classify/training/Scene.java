package truce.classify.training;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * One generated scene in a data directory: {@code <name>.truth.csv}, and beside it {@code <name>.avi} and
 * {@code <name>.zones.json} when the footage was rendered.
 */
public record Scene(String name, Path truth, Path video, Path zones) {
    private static final String TRUTH_SUFFIX = ".truth.csv";

    /** The scenes of a directory, by name; fails clearly when there are none. */
    public static List<Scene> list(Path dir) throws IOException {
        if (!Files.isDirectory(dir)) {
            throw new IOException("no such data directory: " + dir);
        }
        List<Scene> scenes = new ArrayList<>();
        try (Stream<Path> files = Files.list(dir)) {
            files.filter(p -> p.getFileName().toString().endsWith(TRUTH_SUFFIX))
                    .sorted()
                    .forEach(p -> {
                        String file = p.getFileName().toString();
                        String name = file.substring(0, file.length() - TRUTH_SUFFIX.length());
                        scenes.add(new Scene(name, p, dir.resolve(name + ".avi"), dir.resolve(name + ".zones.json")));
                    });
        }
        if (scenes.isEmpty()) {
            throw new IOException(dir + ": no scenes (*" + TRUTH_SUFFIX + ") found; generate some first");
        }
        return scenes;
    }

    /**
     * What identifies the scene's content whatever its file name: the first 16 hex digits of the SHA-256 of its
     * truth CSV (the generator gives the same seed the same bytes, so a reused seed shows up here).
     */
    public String fingerprint() throws IOException {
        try {
            byte[] d = java.security.MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(truth));
            return java.util.HexFormat.of().formatHex(d, 0, 8);
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    public boolean hasVideo() {
        return Files.isRegularFile(video);
    }
}
