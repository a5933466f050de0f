package truce.classify;

/**
 * Settings DJL must see before its engine loads. Nothing is ever downloaded and nothing phones home
 * ({@code ai.djl.offline}, {@code OPT_OUT_TRACKING}, which DJL reads from the environment or the system
 * properties alike); one intra-op thread per pipeline, since two threads on a 2-core machine worsen the tail.
 * The libtorch natives unpack once into DJL's own cache, {@code ~/.djl.ai} unless {@code DJL_CACHE_DIR} says
 * otherwise: it is where DJL documents them and where any other DJL program on the machine already put them, so
 * the 430 MB are not duplicated per tool; the natives come from the Maven jar, never from the network.
 */
public final class DjlRuntime {
    private DjlRuntime() {
    }

    /** Sets the offline and threading defaults unless the user already chose (idempotent). */
    public static void configure() {
        System.setProperty("ai.djl.offline", "true");
        if (System.getenv("OPT_OUT_TRACKING") == null) {
            System.setProperty("OPT_OUT_TRACKING", "true");
        }
        if (System.getProperty("ai.djl.pytorch.num_threads") == null) {
            System.setProperty("ai.djl.pytorch.num_threads", "1");
        }
        if (System.getProperty("ai.djl.pytorch.num_interop_threads") == null) {
            System.setProperty("ai.djl.pytorch.num_interop_threads", "1");
        }
    }
}
