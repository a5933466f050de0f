package truce.web;

import io.javalin.Javalin;
import io.javalin.http.Context;
import io.javalin.http.HandlerType;
import java.io.IOException;
import java.io.InputStream;

/**
 * Friendly addresses for the dashboard's pages, which are static files under the classpath folder web/:
 * {@code /sessions/{id}} shows the review page of that session (the file itself is /sessions/review.html?id=...).
 * {@code /sessions} and {@code /settings} need nothing here: the static files redirect them to their folder's
 * index.html. Mount with {@code new ApiServer(svc).with(new DashboardPages())}.
 */
public final class DashboardPages implements ApiServer.IngestHandler {

    static final String REVIEW = "/web/sessions/review.html";

    @Override
    public void mount(Javalin app) {
        if (DashboardPages.class.getResource(REVIEW) == null) {
            return; // a build without the pages: the API alone
        }
        // A before-handler, not a route: a route on /sessions/{id} would also catch /sessions/ and
        // /sessions/review.html, which must stay the static files. It runs after the token check.
        app.before("/sessions/{id}", this::review);
    }

    private void review(Context ctx) throws IOException {
        // Only a number names a session; anything else is left to the static files (or their 404).
        if (ctx.method() != HandlerType.GET || !ctx.pathParam("id").matches("\\d{1,18}")) {
            return;
        }
        try (InputStream in = DashboardPages.class.getResourceAsStream(REVIEW)) {
            ctx.contentType("text/html; charset=utf-8").result(in.readAllBytes());
        }
        ctx.skipRemainingHandlers();
    }
}
