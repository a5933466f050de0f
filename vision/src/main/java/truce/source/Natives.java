package truce.source;

/** Loads OpenCV's native library once per JVM (idempotent, thread-safe). */
public final class Natives {
    private static volatile boolean loaded;

    private Natives() {
    }

    public static void load() {
        if (!loaded) {
            synchronized (Natives.class) {
                if (!loaded) {
                    nu.pattern.OpenCV.loadLocally();
                    loaded = true;
                }
            }
        }
    }
}
