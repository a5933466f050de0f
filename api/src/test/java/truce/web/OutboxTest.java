package truce.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;

/** A client that stops reading never holds up the publisher; stale frames are dropped; alerts are not. */
class OutboxTest {

    /** A sender stuck in a write (a client that stopped reading) until released. */
    private static final class StuckSender implements Outbox.Sender {
        final CountDownLatch release = new CountDownLatch(1);
        final List<String> sent = new CopyOnWriteArrayList<>();
        final AtomicBoolean closed = new AtomicBoolean();

        @Override
        public void send(String event, String json) throws Exception {
            release.await();
            sent.add(json);
        }

        @Override
        public void keepAlive() {
        }

        @Override
        public void close() {
            closed.set(true);
            release.countDown();
        }
    }

    @Test
    void staleFramesAreDroppedAndAlertsKeptInOrder() throws Exception {
        StuckSender s = new StuckSender();
        Outbox box = new Outbox("t", s, () -> { });
        box.start();
        box.offer("alert", "a0"); // the sender thread takes this one and sticks in the write
        Thread.sleep(100);
        long t0 = System.nanoTime();
        for (int i = 0; i < 10_000; i++) {
            box.offerFrame("cam0", "f" + i);
        }
        box.offer("alert", "a1");
        box.offer("alert", "a2");
        assertTrue((System.nanoTime() - t0) / 1e6 < 500, "publishing must not wait for the client");
        s.release.countDown();
        long deadline = System.currentTimeMillis() + 2000;
        while (s.sent.size() < 4 && System.currentTimeMillis() < deadline) {
            Thread.sleep(10);
        }
        Thread.sleep(100);
        assertEquals(List.of("a0", "a1", "a2", "f9999"), s.sent, "alerts first and in order, then only the latest frame");
        box.close();
    }

    @Test
    void aClientTooFarBehindIsDisconnectedNotWaitedFor() throws Exception {
        StuckSender s = new StuckSender();
        CountDownLatch gone = new CountDownLatch(1);
        Outbox box = new Outbox("t", s, gone::countDown);
        box.start();
        long t0 = System.nanoTime();
        for (int i = 0; i <= Outbox.MAX_QUEUED + 1; i++) {
            box.offer("alert", "a" + i);
        }
        assertTrue((System.nanoTime() - t0) / 1e6 < 500);
        assertTrue(gone.await(2, TimeUnit.SECONDS), "the stuck client was not disconnected");
        assertTrue(s.closed.get());
    }
}
