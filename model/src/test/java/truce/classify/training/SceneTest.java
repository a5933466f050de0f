package truce.classify.training;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SceneTest {

    @Test
    void aSceneFindsItsAviOrElseAnMp4OfTheSameName(@TempDir Path dir) throws IOException {
        for (String f : List.of("a.truth.csv", "a.avi", "a.mp4", "b.truth.csv", "b.mp4", "c.truth.csv")) {
            Files.writeString(dir.resolve(f), "");
        }
        List<Scene> scenes = Scene.list(dir);
        assertEquals(List.of("a", "b", "c"), scenes.stream().map(Scene::name).toList());
        assertEquals(dir.resolve("a.avi"), scenes.get(0).video(), "the generator's AVI wins");
        assertEquals(dir.resolve("b.mp4"), scenes.get(1).video(), "an MP4 scene such as the demo session");
        assertEquals(dir.resolve("c.avi"), scenes.get(2).video(), "no footage: the AVI the error message names");
        assertEquals(dir.resolve("b.zones.json"), scenes.get(1).zones());
    }

    @Test
    void anEmptyDirectoryIsAClearError(@TempDir Path dir) {
        IOException e = assertThrows(IOException.class, () -> Scene.list(dir));
        assertEquals(true, e.getMessage().contains("no scenes"), e.getMessage());
    }
}
