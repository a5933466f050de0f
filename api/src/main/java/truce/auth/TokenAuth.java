package truce.auth;

import io.javalin.http.Context;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * product.md's privacy rules: one token, generated at first start and kept owner-only in the data directory,
 * accepted as {@code Authorization: Bearer T}, as the {@code truce_token} cookie, or once as {@code ?token=T}
 * (which sets that cookie, HttpOnly and SameSite=Strict). Repeated wrong tokens from one address are refused
 * for a while (429), doubling each time.
 */
public final class TokenAuth {
    public static final String COOKIE = "truce_token";
    private static final int FREE_FAILURES = 5;
    private static final long WINDOW_MS = 60_000;

    /** The outcome of checking a request. */
    public enum Verdict { OK, MISSING, WRONG, THROTTLED }

    private final byte[] token;
    private final String tokenString;
    private final Map<String, Failures> failures = new ConcurrentHashMap<>();

    private static final class Failures {
        int count;
        long firstMs;
        long blockedUntilMs;
    }

    public TokenAuth(String token) {
        this.tokenString = token;
        this.token = token.getBytes(StandardCharsets.UTF_8);
    }

    /** Reads the token from {@code dataDir/token}, creating it (owner-only) on first start. */
    public static TokenAuth loadOrCreate(Path dataDir) throws IOException {
        Path f = dataDir.resolve("token");
        if (Files.exists(f)) {
            String t = Files.readString(f, StandardCharsets.US_ASCII).strip();
            if (t.length() >= 16) {
                return new TokenAuth(t);
            }
        }
        byte[] raw = new byte[24];
        new SecureRandom().nextBytes(raw);
        String t = Base64.getUrlEncoder().withoutPadding().encodeToString(raw);
        Path tmp = dataDir.resolve("token.tmp");
        Files.deleteIfExists(tmp);
        try {
            Files.createFile(tmp, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        } catch (UnsupportedOperationException e) {
            Files.createFile(tmp);
        }
        Files.writeString(tmp, t + "\n", StandardCharsets.US_ASCII);
        Files.move(tmp, f, java.nio.file.StandardCopyOption.ATOMIC_MOVE);
        return new TokenAuth(t);
    }

    public String token() {
        return tokenString;
    }

    /** Checks a request's token; sets the cookie when it came in the URL. */
    public Verdict check(Context ctx) {
        String addr = ctx.ip();
        long now = System.currentTimeMillis();
        Failures f = failures.get(addr);
        if (f != null) {
            synchronized (f) {
                if (now < f.blockedUntilMs) {
                    return Verdict.THROTTLED;
                }
            }
        }
        String fromQuery = ctx.queryParam("token");
        String presented = bearer(ctx.header("Authorization"));
        if (presented == null) {
            presented = fromQuery;
        }
        if (presented == null) {
            presented = ctx.cookie(COOKIE);
        }
        if (presented == null || presented.isEmpty()) {
            return Verdict.MISSING;
        }
        if (!matches(presented)) {
            recordFailure(addr, now);
            return Verdict.WRONG;
        }
        if (fromQuery != null && presented.equals(fromQuery)) {
            ctx.res().addHeader("Set-Cookie", COOKIE + "=" + tokenString + "; Path=/; HttpOnly; SameSite=Strict");
        }
        return Verdict.OK;
    }

    /** Seconds until a throttled address may try again. */
    public long retryAfterSeconds(String addr) {
        Failures f = failures.get(addr);
        if (f == null) {
            return 0;
        }
        synchronized (f) {
            return Math.max(1, (f.blockedUntilMs - System.currentTimeMillis() + 999) / 1000);
        }
    }

    private void recordFailure(String addr, long now) {
        Failures f = failures.computeIfAbsent(addr, a -> new Failures());
        synchronized (f) {
            if (now - f.firstMs > WINDOW_MS && now >= f.blockedUntilMs) {
                f.count = 0;
                f.firstMs = now;
            }
            f.count++;
            if (f.count > FREE_FAILURES) {
                long penalty = 1000L << Math.min(6, f.count - FREE_FAILURES - 1); // 1 s, 2 s, ... 64 s
                f.blockedUntilMs = now + penalty;
            }
        }
    }

    private boolean matches(String presented) {
        return MessageDigest.isEqual(token, presented.getBytes(StandardCharsets.UTF_8));
    }

    private static String bearer(String header) {
        if (header == null) {
            return null;
        }
        String h = header.strip();
        return h.regionMatches(true, 0, "Bearer ", 0, 7) ? h.substring(7).strip() : null;
    }

    /**
     * A WebSocket upgrade from a page must come from this server's own origin (a page elsewhere could otherwise
     * ride on the cookie). Clients that send no Origin (programs, not browsers) are judged by the token alone.
     */
    public static boolean originAllowed(String origin, String host) {
        if (origin == null || origin.isEmpty()) {
            return true;
        }
        if (host == null) {
            return false;
        }
        try {
            URI o = URI.create(origin);
            String oh = o.getHost() + (o.getPort() >= 0 ? ":" + o.getPort() : "");
            return oh.equalsIgnoreCase(host) || (o.getPort() < 0 && (o.getHost() + ":80").equalsIgnoreCase(host));
        } catch (IllegalArgumentException e) {
            return false;
        }
    }
}
