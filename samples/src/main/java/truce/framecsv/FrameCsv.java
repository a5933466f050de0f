package truce.framecsv;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import truce.behaviour.CatPosture;
import truce.behaviour.RatState;

/**
 * Reads and writes the per-frame CSV of product.md. The ten contract columns come first, exactly and in order;
 * extra columns (features, confidences) may follow and are kept by name when reading.
 * The format is plain numbers and fixed words (no quoting needed), so a tiny codec is clearer than a CSV library.
 */
public final class FrameCsv {
    public static final List<String> CONTRACT_COLUMNS = List.of(
            "frame", "time_ms", "cat_posture", "rat_state", "cat_x", "cat_y", "rat_x", "rat_y",
            "cat_visible", "rat_visible");
    public static final String HEADER = String.join(",", CONTRACT_COLUMNS);

    private FrameCsv() {
    }

    /** A row as read, with any extra columns by name (in file order). */
    public record Read(FrameRow row, Map<String, String> extras) {
    }

    /** Formats a row's ten contract cells (no newline). */
    public static String format(FrameRow r) {
        StringBuilder sb = new StringBuilder(96);
        appendTo(sb, r);
        return sb.toString();
    }

    /** Appends a row's ten contract cells to {@code sb} (no newline), without intermediate strings. */
    public static void appendTo(StringBuilder sb, FrameRow r) {
        sb.append(r.frame()).append(',');
        appendTime(sb, r.timeMs());
        sb.append(',');
        if (r.catPosture() != null) {
            sb.append(r.catPosture().label());
        }
        sb.append(',');
        if (r.ratState() != null) {
            sb.append(r.ratState().label());
        }
        sb.append(',');
        appendCoord(sb, r.catVisible(), r.catX()).append(',');
        appendCoord(sb, r.catVisible(), r.catY()).append(',');
        appendCoord(sb, r.ratVisible(), r.ratX()).append(',');
        appendCoord(sb, r.ratVisible(), r.ratY()).append(',');
        sb.append(r.catVisible() ? '1' : '0').append(',').append(r.ratVisible() ? '1' : '0');
    }

    private static void appendTime(StringBuilder sb, double ms) {
        long whole = Math.round(ms);
        if (Math.abs(ms - whole) < 1e-9) {
            sb.append(whole);
        } else {
            appendOneDecimal(sb, ms);
        }
    }

    private static StringBuilder appendCoord(StringBuilder sb, boolean visible, double v) {
        if (visible && !Double.isNaN(v)) {
            appendOneDecimal(sb, v);
        }
        return sb;
    }

    /** One decimal, locale-free, no String.format on the hot path. */
    static void appendOneDecimal(StringBuilder sb, double v) {
        long tenths = Math.round(v * 10.0);
        if (tenths < 0) {
            sb.append('-');
            tenths = -tenths;
        }
        sb.append(tenths / 10).append('.').append(tenths % 10);
    }

    /** Parses one data line against a header; throws with the line number on any malformed cell. */
    public static Read parse(String[] header, String line, int lineNo) {
        String[] cells = line.split(",", -1);
        if (cells.length != header.length) {
            throw new IllegalArgumentException("line " + lineNo + ": " + cells.length + " cells, header has " + header.length);
        }
        try {
            boolean catVisible = parseFlag(cells[8]);
            boolean ratVisible = parseFlag(cells[9]);
            FrameRow row = new FrameRow(
                    Long.parseLong(cells[0].trim()),
                    Double.parseDouble(cells[1].trim()),
                    CatPosture.fromLabel(cells[2]),
                    RatState.fromLabel(cells[3]),
                    parseCoord(cells[4]), parseCoord(cells[5]),
                    parseCoord(cells[6]), parseCoord(cells[7]),
                    catVisible, ratVisible);
            Map<String, String> extras = Map.of();
            if (header.length > CONTRACT_COLUMNS.size()) {
                extras = new LinkedHashMap<>();
                for (int i = CONTRACT_COLUMNS.size(); i < header.length; i++) {
                    extras.put(header[i], cells[i]);
                }
            }
            return new Read(row, extras);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("line " + lineNo + ": " + e.getMessage(), e);
        }
    }

    private static boolean parseFlag(String s) {
        return switch (s.trim()) {
            case "1" -> true;
            case "0" -> false;
            default -> throw new IllegalArgumentException("visible flag must be 0 or 1, was '" + s + "'");
        };
    }

    private static double parseCoord(String s) {
        return s.isBlank() ? Double.NaN : Double.parseDouble(s.trim());
    }

    /** Checks a header line: the ten contract columns first, exactly. Returns the column names. */
    public static String[] checkHeader(String headerLine) {
        if (headerLine == null) {
            throw new IllegalArgumentException("empty file: no CSV header");
        }
        String[] header = headerLine.strip().split(",", -1);
        if (header.length < CONTRACT_COLUMNS.size()
                || !Arrays.asList(header).subList(0, CONTRACT_COLUMNS.size()).equals(CONTRACT_COLUMNS)) {
            throw new IllegalArgumentException("header must start with '" + HEADER + "', was '" + headerLine + "'");
        }
        return header;
    }

    /** Reads a whole per-frame CSV file. */
    public static List<Read> readAll(Path file) throws IOException {
        try (BufferedReader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            String[] header = checkHeader(in.readLine());
            List<Read> rows = new ArrayList<>();
            String line;
            int lineNo = 1;
            while ((line = in.readLine()) != null) {
                lineNo++;
                if (!line.isBlank()) {
                    rows.add(parse(header, line, lineNo));
                }
            }
            return rows;
        } catch (IllegalArgumentException e) {
            throw new IOException(file + ": " + e.getMessage(), e);
        }
    }

    /** Reads only the contract rows of a file. */
    public static List<FrameRow> readRows(Path file) throws IOException {
        List<Read> all = readAll(file);
        List<FrameRow> rows = new ArrayList<>(all.size());
        for (Read r : all) {
            rows.add(r.row());
        }
        return rows;
    }

    /** Writes the header, with extra column names after the contract's. */
    public static void writeHeader(Writer out, List<String> extraColumns) throws IOException {
        out.write(HEADER);
        for (String c : extraColumns) {
            if (c.contains(",") || CONTRACT_COLUMNS.contains(c)) {
                throw new IllegalArgumentException("bad extra column name '" + c + "'");
            }
            out.write(',');
            out.write(c);
        }
        out.write('\n');
    }

    /** Writes a whole file of rows with no extra columns. */
    public static void writeAll(Path file, List<FrameRow> rows) throws IOException {
        try (Writer out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            writeHeader(out, List.of());
            StringBuilder sb = new StringBuilder(128);
            for (FrameRow r : rows) {
                sb.setLength(0);
                appendTo(sb, r);
                sb.append('\n');
                out.append(sb);
            }
        }
    }

    /** Formats a number with one decimal for extra columns, locale-free. */
    public static String oneDecimal(double v) {
        if (Double.isNaN(v)) {
            return "";
        }
        StringBuilder sb = new StringBuilder(12);
        appendOneDecimal(sb, v);
        return sb.toString();
    }

}
