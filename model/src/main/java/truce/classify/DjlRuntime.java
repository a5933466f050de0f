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
 * Once the engine is up, two of libtorch's own switches are set that DJL does not expose ({@link #start()}).
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
     * {@link #configure()}, then loads the engine and switches two of libtorch's backends off; returns whether both
     * read off. DJL exposes neither switch, so they are set in libtorch's global context through JNA.
     * <ul>
     * <li>NNPACK. libtorch 2.7 asks whether NNPACK is usable on every convolution and, on a CPU it does not support
     * (this machine and CI), logs "Could not initialize NNPACK! Reason: Unsupported hardware." each time: several
     * lines a frame in {@code serve}, each a formatted write to stderr on the hot path. The user switch is read before
     * that question, so with it off the question is never asked ({@code TORCH_CPP_LOG_LEVEL} is only read by Python's
     * torch). NNPACK only ever took batches of 16 or more, never on a CPU like this one.
     * <li>oneDNN. On AVX-512 CPUs (this machine and CI) libtorch 2.7.1's oneDNN path of a 1-D convolution whose input
     * channels are not a multiple of 16 returns wrong sums (off by about a fifth of the outputs' size; measured: 35
     * and 40 channels wrong, 8, 16, 32, 48 and 64 exact), and libtorch takes that path for a batch of two or more:
     * training's mini-batches. A live stream steps the net a column at a time ({@link StepwiseNet}), where oneDNN's
     * set-up per call would cost more than the sums (a stepped frame by convolutions: 390 us with it, 235 us without).
     * </ul>
     * Idempotent and cheap.
     */
    public static boolean start() {
        configure();
        Engine.getInstance();
        return switchOff("NNPACK") & switchOff("Mkldnn");
    }

    /**
     * Whether a batch of more than one window convolves exactly here: oneDNN is off ({@link #start()}).
     * False also when the switch cannot be read (another libtorch build).
     */
    public static boolean batchesExact() {
        return isOff("Mkldnn");
    }

    /**
     * Sets one of libtorch's global "user enabled" switches ({@code NNPACK}, {@code Mkldnn}) off in its context,
     * through JNA: DJL exposes neither. Returns whether it reads off afterwards.
     */
    private static boolean switchOff(String what) {
        try {
            NativeLibrary torch = torch();
            Pointer context = context(torch);
            String setter = "setUserEnabled" + what;
            torch.getFunction("_ZN2at7Context" + setter.length() + setter + "Eb")
                    .invokeVoid(new Object[] {context, Boolean.FALSE});
            return isOff(torch, context, what);
        } catch (UnsatisfiedLinkError | RuntimeException e) {
            return false; // another libtorch build: NNPACK's cost is log noise; oneDNN's, inexact training batches
        }
    }

    /** Whether libtorch's switch {@code what} reads off (false when it cannot be read). */
    private static boolean isOff(String what) {
        try {
            NativeLibrary torch = torch();
            return isOff(torch, context(torch), what);
        } catch (UnsatisfiedLinkError | RuntimeException e) {
            return false;
        }
    }

    private static boolean isOff(NativeLibrary torch, Pointer context, String what) {
        String getter = "userEnabled" + what;
        // a C++ bool comes back in the low byte only
        return (torch.getFunction("_ZNK2at7Context" + getter.length() + getter + "Ev")
                .invokeInt(new Object[] {context}) & 0xff) == 0;
    }

    private static NativeLibrary torch() {
        return NativeLibrary.getInstance(Path.of(LibUtils.getLibtorchPath()).resolve("libtorch_cpu.so").toString());
    }

    private static Pointer context(NativeLibrary torch) {
        return torch.getFunction("_ZN2at13globalContextEv").invokePointer(new Object[0]);
    }
}
