package truce.feed;

/**
 * Plays a file at real time: waits until each frame's media time has passed since the first frame, so a
 * recorded clip behaves like a live camera. Never sleeps to catch up after a slow frame.
 */
final class Pacer {
    private long startNanos = -1;
    private double startMediaMs;

    void await(double mediaMs) throws InterruptedException {
        long now = System.nanoTime();
        if (startNanos < 0) {
            startNanos = now;
            startMediaMs = mediaMs;
            return;
        }
        long due = startNanos + (long) ((mediaMs - startMediaMs) * 1e6);
        long waitNanos = due - now;
        if (waitNanos > 0) {
            Thread.sleep(waitNanos / 1_000_000, (int) (waitNanos % 1_000_000));
        }
    }
}
