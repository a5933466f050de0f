package truce.classify;

import ai.djl.engine.Engine;
import ai.djl.pytorch.jni.LibUtils;
import com.sun.jna.NativeLibrary;
import com.sun.jna.Pointer;
import java.nio.file.Path;

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

    /**
     * {@link #configure()}, then loads the engine and switches libtorch's NNPACK off. libtorch 2.7 asks whether NNPACK
     * is usable on every convolution and, on a CPU it does not support (this machine and CI), logs "Could not
     * initialize NNPACK! Reason: Unsupported hardware." each time: several lines a frame in {@code serve}, each a
     * formatted write to stderr on the hot path. The user switch is read before that question, so with it off the
     * question is never asked. DJL exposes no such switch and {@code TORCH_CPP_LOG_LEVEL} is only read by Python's
     * torch, so the switch is set in libtorch's global context through JNA. NNPACK only ever took batches of 16 or
     * more, and never on a CPU like this one, so nothing computed here changes; on a CPU that has it, those batches
     * (training, evaluation) now take the same path as here. Idempotent and cheap; returns whether NNPACK is off.
     */
    public static boolean start() {
        configure();
        Engine.getInstance();
        try {
            NativeLibrary torch = NativeLibrary.getInstance(
                    Path.of(LibUtils.getLibtorchPath()).resolve("libtorch_cpu.so").toString());
            Pointer context = torch.getFunction("_ZN2at13globalContextEv").invokePointer(new Object[0]);
            torch.getFunction("_ZN2at7Context20setUserEnabledNNPACKEb").invokeVoid(new Object[] {context, Boolean.FALSE});
            // a C++ bool comes back in the low byte only
            return (torch.getFunction("_ZNK2at7Context17userEnabledNNPACKEv").invokeInt(new Object[] {context}) & 0xff)
                    == 0;
        } catch (UnsatisfiedLinkError | RuntimeException e) {
            return false; // another libtorch build: the only cost is the log noise this switch exists to stop
        }
    }
}
