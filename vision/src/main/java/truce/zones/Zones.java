package truce.zones;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The zones of one camera (API.md, "Zones JSON"): cover, barrier and perch polygons in source-frame pixels,
 * and optionally the width of floor the picture spans ({@code viewWidthCm}).
 */
public record Zones(double viewWidthCm, List<Zone> zones) {
    public static final Zones NONE = new Zones(Double.NaN, List.of());

    public Zones {
        zones = List.copyOf(zones);
    }

    public boolean hasScale() {
        return viewWidthCm > 0;
    }

    /** The same zones with another view width (the command line's --view-width-cm wins over the file). */
    public Zones withViewWidthCm(double cm) {
        return new Zones(cm, zones);
    }

    /** True when the point is inside a zone of that kind. */
    public boolean inside(Zone.Kind kind, double x, double y) {
        for (Zone z : zones) {
            if (z.kind() == kind && z.contains(x, y)) {
                return true;
            }
        }
        return false;
    }

    /** Distance to the nearest zone of that kind (0 inside; +infinity when there is none). */
    public double distance(Zone.Kind kind, double x, double y) {
        double best = Double.POSITIVE_INFINITY;
        for (Zone z : zones) {
            if (z.kind() == kind) {
                best = Math.min(best, z.distance(x, y));
            }
        }
        return best;
    }

    public boolean has(Zone.Kind kind) {
        for (Zone z : zones) {
            if (z.kind() == kind) {
                return true;
            }
        }
        return false;
    }

    private static final ObjectMapper JSON = new ObjectMapper();

    public static Zones read(Path file) throws IOException {
        JsonNode root;
        try {
            root = JSON.readTree(file.toFile());
        } catch (IOException e) {
            throw new IOException(file + ": not valid zones JSON: " + e.getMessage(), e);
        }
        try {
            return fromJson(root);
        } catch (IllegalArgumentException e) {
            throw new IOException(file + ": " + e.getMessage(), e);
        }
    }

    public static Zones parse(String json) throws IOException {
        return fromJson(JSON.readTree(json));
    }

    static Zones fromJson(JsonNode root) {
        if (root == null || !root.isObject()) {
            throw new IllegalArgumentException("zones JSON must be an object");
        }
        double width = Double.NaN;
        JsonNode w = root.get("viewWidthCm");
        if (w != null && !w.isNull()) {
            if (!w.isNumber() || w.asDouble() <= 0) {
                throw new IllegalArgumentException("viewWidthCm must be a positive number");
            }
            width = w.asDouble();
        }
        List<Zone> out = new ArrayList<>();
        JsonNode zs = root.get("zones");
        if (zs != null && !zs.isNull()) {
            if (!zs.isArray()) {
                throw new IllegalArgumentException("zones must be an array");
            }
            for (JsonNode z : zs) {
                String kind = z.path("kind").asText("");
                String name = z.path("name").asText(kind);
                JsonNode poly = z.get("polygon");
                if (poly == null || !poly.isArray()) {
                    throw new IllegalArgumentException("zone '" + name + "' has no polygon");
                }
                double[] xs = new double[poly.size()];
                double[] ys = new double[poly.size()];
                for (int i = 0; i < poly.size(); i++) {
                    JsonNode p = poly.get(i);
                    if (!p.isArray() || p.size() != 2 || !p.get(0).isNumber() || !p.get(1).isNumber()) {
                        throw new IllegalArgumentException("zone '" + name + "': point " + i + " must be [x, y]");
                    }
                    xs[i] = p.get(0).asDouble();
                    ys[i] = p.get(1).asDouble();
                }
                out.add(new Zone(Zone.Kind.parse(kind), name, xs, ys));
            }
        }
        return new Zones(width, out);
    }

    public String toJson() {
        ObjectNode root = JSON.createObjectNode();
        if (hasScale()) {
            root.put("viewWidthCm", viewWidthCm);
        }
        ArrayNode arr = root.putArray("zones");
        for (Zone z : zones) {
            ObjectNode o = arr.addObject();
            o.put("kind", z.kind().label());
            o.put("name", z.name());
            ArrayNode p = o.putArray("polygon");
            for (int i = 0; i < z.xs().length; i++) {
                p.addArray().add(z.xs()[i]).add(z.ys()[i]);
            }
        }
        return root.toString();
    }
}
