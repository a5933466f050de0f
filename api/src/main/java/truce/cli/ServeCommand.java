package truce.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.InetAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Callable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import truce.classify.ModelClassifier;
import truce.feed.Feeds;
import truce.live.CameraConfig;
import truce.live.LiveFeed;
import truce.service.Json;
import truce.service.MediaOptions;
import truce.service.TruceService;
import truce.web.ApiServer;
import truce.web.DashboardPages;
import truce.web.Ingest;

/** {@code truce serve}: the pipeline for each camera and the service, from one process. */
@Command(name = "serve", mixinStandardHelpOptions = true,
        description = {"Watches the cameras and serves the API and the pages.",
                "With no --camera and no --config it plays the bundled demo as a live camera (real time, looping)."})
public final class ServeCommand implements Callable<Integer> {
    private static final Logger LOG = LoggerFactory.getLogger(ServeCommand.class);

    @Option(names = "--camera", description = "0, /dev/videoN, rtsp://..., or a video file (default: the demo)")
    String camera;

    @Option(names = "--config", description = "cameras JSON: {\"cameras\":[{\"id\":\"cam0\",\"source\":\"0\",\"pair\":\"Tom+Remy\",\"stage\":5,\"viewWidthCm\":120,\"zones\":\"z.json\"}]}")
    Path config;

    @Option(names = "--port", defaultValue = "7070", description = "HTTP port (default ${DEFAULT-VALUE}; 0 picks a free one)")
    int port;

    @Option(names = "--data", defaultValue = "truce-data", description = "data directory (default ${DEFAULT-VALUE})")
    Path data;

    @Option(names = "--bind", defaultValue = "127.0.0.1", description = "address to listen on (default ${DEFAULT-VALUE}: this machine only)")
    String bind;

    @Option(names = "--pair", defaultValue = "Demo cat+Demo rat", description = "pair that automatic sessions are tagged with")
    String pair;

    @Option(names = "--stage", defaultValue = "5", description = "protocol stage (1-5) of automatic sessions")
    int stage;

    @Option(names = "--view-width-cm", description = "width of floor the picture spans (cm)")
    Double viewWidthCm;

    @Option(names = "--zones", description = "zones JSON file (cover, barrier, perch)")
    Path zones;

    @Option(names = "--truth", description = "replay this per-frame truth CSV as the labels (TruthReplay) instead of running the model")
    Path truth;

    @Option(names = "--replay-truth", description = "replay the truth CSV beside the video (session.truth.csv) instead of running the model")
    boolean replayTruth;

    @Option(names = "--model", description = "model directory (behaviour.params, behaviour.properties) or .params file "
            + "for every camera (default: the committed weights)")
    Path model;

    @Option(names = "--loop", description = "loop a video file (the demo always loops)")
    boolean loop;

    @Option(names = "--no-record", description = "do not record sessions to disk (alerts, metrics and highlights only)")
    boolean noRecord;

    @Option(names = "--segment-seconds", defaultValue = "60", description = "length of a recorded segment (default ${DEFAULT-VALUE})")
    double segmentSeconds;

    @Option(names = "--min-free-mb", defaultValue = "500", description = "stop recording below this much free disk (default ${DEFAULT-VALUE})")
    long minFreeMb;

    @Override
    public Integer call() throws Exception {
        List<CameraConfig> cams = cameras();
        if (model != null) {
            classifier().close(); // unreadable weights fail here, before the service starts
        }
        TruceService svc = new TruceService(data);
        truce.notify.Webhooks hooks = new truce.notify.Webhooks(svc.json(), () -> svc.settings().webhooks());
        svc.onAlert(hooks::post);
        ApiServer server = new ApiServer(svc).with(new Ingest(svc)).with(new DashboardPages());
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            server.close();
            svc.close();
            hooks.close();
            stopped.countDown();
        }, "shutdown"));

        MediaOptions mo = new MediaOptions(!noRecord, segmentSeconds, 30, minFreeMb << 20, 3000, 3000, 15, 960);
        for (CameraConfig c : cams) {
            svc.addCamera(c, opener(c), mo);
        }
        int actual = server.start(bind, port);
        String host = InetAddress.getByName(bind).isLoopbackAddress() ? "localhost" : bind;
        // The only place the token is ever printed.
        System.out.println("Truce is serving " + cams.size() + " camera(s) on http://" + host + ":" + actual + "/?token=" + svc.auth().token());
        System.out.flush();
        stopped.await();
        return 0;
    }

    private List<CameraConfig> cameras() throws Exception {
        if (config != null) {
            if (camera != null) {
                throw new IllegalArgumentException("give --camera or --config, not both");
            }
            ObjectMapper json = Json.mapper();
            CamerasFile f = json.readValue(Files.readString(config), CamerasFile.class);
            if (f.cameras() == null || f.cameras().isEmpty()) {
                throw new IllegalArgumentException(config + ": no cameras");
            }
            return f.cameras();
        }
        String source = camera == null ? "demo" : camera;
        String z = zones == null ? null : zones.toString();
        String t = truth == null ? null : truth.toString();
        if (source.equals("demo")) {
            Path demo = Feeds.findDemo();
            if (z == null && Files.isRegularFile(Feeds.zonesBeside(demo))) {
                z = Feeds.zonesBeside(demo).toString();
            }
        }
        return List.of(new CameraConfig("cam0", source, pair, stage, viewWidthCm, z, t));
    }

    /** cameras.json */
    public record CamerasFile(List<CameraConfig> cameras) {
    }

    private LiveFeed.Opener opener(CameraConfig c) throws Exception {
        boolean demo = c.source().equals("demo");
        String src = demo ? Feeds.findDemo().toString() : c.source();
        boolean looping = demo || loop;
        Path truthCsv = c.truth() != null ? Path.of(c.truth()) : null;
        if (truthCsv == null && replayTruth) {
            truthCsv = Feeds.truthBeside(Path.of(src));
        }
        if (truthCsv != null) {
            LOG.info("camera {}: replaying truth labels from {} (TruthReplay, not the model)", c.id(), truthCsv);
            return Feeds.truth(c, src, truthCsv, looping);
        }
        return Feeds.vision(c, src, classifier(), looping);
    }

    /** One classifier per camera, over the committed weights or the --model ones (loaded now: a bad path fails before serving). */
    ModelClassifier classifier() throws java.io.IOException {
        return model == null ? ModelClassifier.withDefaultWeights() : ModelClassifier.withWeights(model);
    }

    static List<String> describe(List<CameraConfig> cams) {
        List<String> out = new ArrayList<>();
        for (CameraConfig c : cams) {
            out.add(c.id() + "=" + c.source());
        }
        return out;
    }
}
