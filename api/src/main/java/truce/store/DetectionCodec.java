package truce.store;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.List;
import java.util.function.Consumer;
import truce.behaviour.CatPosture;
import truce.behaviour.RatState;
import truce.session.Detection;

/**
 * Packs detections into fixed 36-byte records, many to a SQLite row: a one-hour session at 30 fps is about
 * 3.9 MB and a few thousand rows, instead of 108,000 rows of a dozen columns.
 * Layout (little-endian): frame int32, time in 1/10 ms int32, cat byte (-1 none), rat byte, flags byte
 * (1 cat visible, 2 rat visible), pad byte, then float32 catX catY ratX ratY distance distanceCatLengths facing.
 */
public final class DetectionCodec {
    public static final int RECORD_BYTES = 4 + 4 + 4 + 7 * 4;

    private static final CatPosture[] CATS = CatPosture.values();
    private static final RatState[] RATS = RatState.values();

    private DetectionCodec() {
    }

    public static void put(ByteBuffer b, Detection d) {
        b.putInt((int) d.frame());
        b.putInt((int) Math.round(d.timeMs() * 10.0));
        b.put((byte) (d.cat() == null ? -1 : d.cat().ordinal()));
        b.put((byte) (d.rat() == null ? -1 : d.rat().ordinal()));
        b.put((byte) ((d.catVisible() ? 1 : 0) | (d.ratVisible() ? 2 : 0)));
        b.put((byte) 0);
        b.putFloat(d.catX()).putFloat(d.catY()).putFloat(d.ratX()).putFloat(d.ratY());
        b.putFloat(d.distance()).putFloat(d.distanceCatLengths()).putFloat(d.facing());
    }

    public static byte[] encode(List<Detection> ds) {
        ByteBuffer b = ByteBuffer.allocate(ds.size() * RECORD_BYTES).order(ByteOrder.LITTLE_ENDIAN);
        for (Detection d : ds) {
            put(b, d);
        }
        return b.array();
    }

    public static void decode(byte[] data, Consumer<Detection> out) {
        ByteBuffer b = ByteBuffer.wrap(data).order(ByteOrder.LITTLE_ENDIAN);
        while (b.remaining() >= RECORD_BYTES) {
            int frame = b.getInt();
            double timeMs = b.getInt() / 10.0;
            byte cat = b.get();
            byte rat = b.get();
            byte flags = b.get();
            b.get();
            out.accept(new Detection(frame, timeMs,
                    cat < 0 ? null : CATS[cat], rat < 0 ? null : RATS[rat],
                    b.getFloat(), b.getFloat(), b.getFloat(), b.getFloat(),
                    (flags & 1) != 0, (flags & 2) != 0,
                    b.getFloat(), b.getFloat(), b.getFloat()));
        }
    }
}
