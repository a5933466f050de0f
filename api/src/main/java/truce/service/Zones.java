package truce.service;

import java.util.List;
import java.util.Set;

/** A camera's zones JSON (API.md): optional floor width and polygons of cover, barrier and perch. */
public record Zones(Double viewWidthCm, List<Zone> zones) {
    private static final Set<String> KINDS = Set.of("cover", "barrier", "perch");

    public record Zone(String kind, String name, List<List<Double>> polygon) {
    }

    public Zones {
        if (viewWidthCm != null && !(viewWidthCm > 0 && viewWidthCm < 100_000)) {
            throw new IllegalArgumentException("viewWidthCm must be a positive number of centimetres");
        }
        if (zones == null) {
            zones = List.of();
        }
        if (zones.size() > 100) {
            throw new IllegalArgumentException("at most 100 zones");
        }
        for (Zone z : zones) {
            if (z == null || z.kind() == null || !KINDS.contains(z.kind())) {
                throw new IllegalArgumentException("zone kind must be one of cover, barrier, perch");
            }
            if (z.name() == null || z.name().isBlank() || z.name().length() > 64) {
                throw new IllegalArgumentException("zone name must be 1-64 characters");
            }
            if (z.polygon() == null || z.polygon().size() < 3 || z.polygon().size() > 1000) {
                throw new IllegalArgumentException("zone '" + z.name() + "': polygon needs 3 to 1000 points");
            }
            for (List<Double> p : z.polygon()) {
                if (p == null || p.size() != 2 || p.get(0) == null || p.get(1) == null
                        || !Double.isFinite(p.get(0)) || !Double.isFinite(p.get(1))) {
                    throw new IllegalArgumentException("zone '" + z.name() + "': each point is [x, y] in pixels");
                }
            }
        }
        zones = List.copyOf(zones);
    }

    public static final Zones NONE = new Zones(null, List.of());
}
