package truce.samples.scene;

import java.util.ArrayList;
import java.util.List;
import truce.samples.playpen.Box;
import truce.samples.playpen.Cover;
import truce.samples.playpen.Playpen;
import truce.samples.render.Look;
import truce.samples.script.ScriptFrame;
import truce.zones.Zone;
import truce.zones.ZoneKind;
import truce.zones.Zones;

/**
 * Everything decided about one scene before a pixel is drawn: its playpen, its look, the animals' sizes and the
 * script of every frame. Cheap to make (no drawing), so tests can check the scripted states of many scenes.
 */
public record ScenePlan(SceneInfo info, Playpen playpen, Look look, double catLengthCm, double ratLengthCm,
                        List<ScriptFrame> script) {

    public ScenePlan {
        script = List.copyOf(script);
    }

    public String name() {
        return info.name();
    }

    /** The scene's zones in pixels: every shelter and tunnel (cover), the barrier, the perch; with viewWidthCm. */
    public Zones zones() {
        double s = info.width() / playpen.viewWidthCm();
        List<Zone> z = new ArrayList<>();
        for (Cover c : playpen.covers()) {
            z.add(new Zone(ZoneKind.COVER, c.name(), polygon(c.box(), s)));
        }
        if (playpen.barrier() != null) {
            z.add(new Zone(ZoneKind.BARRIER, "barrier", polygon(playpen.barrier(), s)));
        }
        if (playpen.perch() != null) {
            z.add(new Zone(ZoneKind.PERCH, "perch", polygon(playpen.perch(), s)));
        }
        return new Zones(Math.round(playpen.viewWidthCm() * 10) / 10.0, z);
    }

    private static double[][] polygon(Box b, double s) {
        return new double[][]{{r(b.x0() * s), r(b.y0() * s)}, {r(b.x1() * s), r(b.y0() * s)}, {r(b.x1() * s), r(b.y1() * s)},
                {r(b.x0() * s), r(b.y1() * s)}};
    }

    private static double r(double v) {
        return Math.round(v * 10) / 10.0;
    }
}
