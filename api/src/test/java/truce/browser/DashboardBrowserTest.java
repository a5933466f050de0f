package truce.browser;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.extension.TestWatcher;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.TimeoutException;
import org.openqa.selenium.WebDriverException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The dashboard in a real headless chromium against the real service playing the demo clip: live states
 * change, the first lunge raises a banner, a recorded session's highlight clip plays on its review page.
 * Screenshots go to target/screenshots (desktop 1280x900 and phone 390x844).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class DashboardBrowserTest {

    private DemoServer server;
    private Browser browser;

    /** On a failure, a screenshot of what the browser showed, and the page's console. */
    @RegisterExtension
    final TestWatcher onFailure = new TestWatcher() {
        @Override
        public void testFailed(ExtensionContext context, Throwable cause) {
            if (browser == null) {
                return;
            }
            try {
                browser.screenshot("FAILED-" + context.getRequiredTestMethod().getName());
                browser.driver.manage().logs().get(LogType.BROWSER).forEach(e -> System.err.println("browser: " + e));
            } catch (Exception e) {
                System.err.println("no failure screenshot: " + e);
            }
        }
    };
    private long sessionId = -1;

    @BeforeAll
    void start() throws Exception {
        Browser.assumeInstalled();
        server = DemoServer.start();
        browser = Browser.start();
    }

    @AfterAll
    void stop() {
        if (browser != null) {
            browser.close();
        }
        if (server != null) {
            server.close();
        }
    }

    private WebDriverWait waiting(int seconds) {
        return new WebDriverWait(browser.driver, Duration.ofSeconds(seconds), Duration.ofMillis(100));
    }

    private String text(String testId) {
        return browser.driver.findElement(By.cssSelector("[data-testid='" + testId + "']")).getText().trim();
    }

    @Test
    @Order(1)
    void livePageShowsStatesChangingAndAnAlertBannerAtTheFirstLunge() throws Exception {
        browser.size(1280, 900);
        browser.driver.get(server.url("/?token=" + server.token()));
        // The page drops the token from the address once the cookie carries it.
        waiting(10).until(d -> !d.getCurrentUrl().contains("token="));

        // A session starts by itself once both animals have been in view for a second; if none has after a few
        // seconds, start one by hand (the automatic one may still win the race: either way one is running).
        try {
            waiting(5).until(ExpectedConditions.visibilityOfElementLocated(By.id("stop")));
        } catch (TimeoutException none) {
            try {
                browser.driver.findElement(By.id("pair")).clear();
                browser.driver.findElement(By.id("pair")).sendKeys("Tom+Remy");
                new Select(browser.driver.findElement(By.id("stage"))).selectByValue("5");
                browser.driver.findElement(By.id("start")).click();
            } catch (WebDriverException raced) {
                // the form went away under us: the automatic session started
            }
        }
        waiting(10).until(ExpectedConditions.visibilityOfElementLocated(By.id("stop")));
        sessionId = Long.parseLong(String.valueOf(browser.driver.executeScript(
                "return document.querySelector('#session-info a').textContent.replace('#', '')")));

        // States as the demo plays: collect what the two chips show until both have changed and a lunge banner is up.
        Set<String> cat = new LinkedHashSet<>();
        Set<String> rat = new LinkedHashSet<>();
        long deadline = System.nanoTime() + Duration.ofSeconds((long) Math.ceil(server.demoSeconds()) + 20).toNanos();
        WebElement lunge = null;
        long lungeSeenAt = 0;
        boolean shotStates = false;
        // Keep watching 4 s past the lunge: its highlight clip runs 3 s beyond it.
        while (System.nanoTime() < deadline
                && (cat.size() < 2 || rat.size() < 2 || lunge == null || System.nanoTime() - lungeSeenAt < 4e9)) {
            cat.add(text("cat-posture"));
            rat.add(text("rat-state"));
            if (!shotStates && cat.size() >= 2) {
                browser.screenshot("live-desktop");
                shotStates = true;
            }
            List<WebElement> banners = browser.driver.findElements(
                    By.cssSelector("[data-testid='alert-banner'][data-kind='LUNGE']"));
            if (lunge == null && !banners.isEmpty()) {
                lunge = banners.get(0);
                lungeSeenAt = System.nanoTime();
                Thread.sleep(400); // let the banner finish sliding in
                browser.screenshot("live-lunge-alert");
            }
            Thread.sleep(100);
        }
        // The annotated live video is showing (an MJPEG stream in an <img>, through the token cookie).
        Number videoWidth = (Number) browser.driver.executeScript(
                "return document.querySelector(\"[data-testid='live-video']\").naturalWidth");
        assertTrue(videoWidth.intValue() > 0, "the live video shows nothing");
        cat.remove("–");
        rat.remove("–");
        assertTrue(cat.size() >= 2, "the cat's posture never changed on the live page: " + cat);
        assertTrue(rat.size() >= 2, "the rat's state never changed on the live page: " + rat);
        assertTrue(cat.stream().allMatch(s -> Set.of("calm", "stalking", "lunging", "not in view").contains(s)),
                "unexpected posture words " + cat);
        assertTrue(lunge != null, "no LUNGE banner appeared while the demo played");
        assertEquals("critical", lunge.getAttribute("data-severity"));

        // Acknowledging stores it on the server.
        String alertId = lunge.getAttribute("data-alert-id");
        lunge.findElement(By.cssSelector("[data-testid='ack']")).click();
        waiting(10).until(d -> d.findElement(By.cssSelector("[data-alert-id='" + alertId + "']"))
                .getAttribute("class").contains("acked"));
        String unacked = server.getJson("/api/alerts?unacknowledged=true");
        assertFalse(unacked.contains("\"id\":" + alertId + ","), "alert " + alertId + " still unacknowledged: " + unacked);

        browser.size(390, 844);
        Thread.sleep(300);
        browser.screenshot("live-phone");
        browser.size(1280, 900);
    }

    @Test
    @Order(2)
    void reviewPagePlaysAHighlightClip() throws Exception {
        assertTrue(sessionId > 0, "the live test did not start a session");
        // Stop the session from the live page; highlights are cut when it ends.
        browser.driver.findElement(By.id("stop")).click();
        waiting(60).until(ExpectedConditions.visibilityOfElementLocated(By.id("start")));

        // Clips are encoded off the camera thread after the session ends: wait for the lunge's to be served.
        long lungeHighlight = server.awaitClip(sessionId, "LUNGE", Duration.ofSeconds(60));

        // The sessions page lists it with its pair's trend and stage advice; its Review link opens the review page.
        browser.driver.get(server.url("/sessions"));
        WebElement row = waiting(20).until(d -> d.findElement(By.cssSelector("[data-session-id='" + sessionId + "']")));
        assertTrue(row.getText().contains("Tom+Remy"), row.getText());
        waiting(20).until(d -> !d.findElements(By.cssSelector("[data-testid='advice']")).isEmpty());
        waiting(20).until(d -> !d.findElements(By.cssSelector("[data-testid='pair'] canvas")).isEmpty());
        browser.fullPage("sessions-desktop");
        browser.size(390, 844);
        browser.screenshot("sessions-phone");
        browser.size(1280, 900);
        row.findElement(By.linkText("Review")).click();
        waiting(60).until(d -> !d.findElements(By.cssSelector("[data-testid='highlight']")).isEmpty());
        waiting(20).until(d -> !d.findElements(By.cssSelector("[data-testid='timeline'] canvas")).isEmpty());
        browser.fullPage("review-desktop");

        // The per-frame CSV download is the contract, reached with the page's cookie.
        Object csvHead = browser.driver.executeAsyncScript(
                "const done = arguments[arguments.length - 1];"
                        + "fetch(document.querySelector(\"[data-testid='download-csv']\").href)"
                        + ".then(r => r.text()).then(t => done(t.split('\\n')[0])).catch(e => done('error ' + e));");
        assertTrue(String.valueOf(csvHead).startsWith("frame,time_ms,cat_posture,rat_state,cat_x,cat_y,rat_x,rat_y,cat_visible,rat_visible"),
                "frames.csv: " + csvHead);

        // Clicking the timeline seeks the recording: three quarters along is well past its start.
        WebElement player = browser.driver.findElement(By.id("player"));
        waiting(30).until(d -> ((Number) browser.driver.executeScript("return arguments[0].readyState", player)).intValue() >= 1);
        WebElement over = browser.driver.findElement(By.cssSelector("[data-testid='timeline'] .u-over"));
        new Actions(browser.driver).moveToElement(over, over.getSize().width / 4, 0).click().perform();
        waiting(10).until(d -> ((Number) browser.driver.executeScript("return arguments[0].currentTime", player)).doubleValue() > 0.5);

        WebElement card = browser.driver.findElement(By.cssSelector("[data-highlight-id='" + lungeHighlight + "']"));
        WebElement media = card.findElement(By.cssSelector(".media"));
        browser.driver.executeScript("arguments[0].scrollIntoView({block: 'center'})", media);
        media.click();
        WebElement video = waiting(10).until(d -> card.findElement(By.cssSelector("video")));
        waiting(30).until(d -> ((Number) browser.driver.executeScript("return arguments[0].readyState", video)).intValue() >= 2);
        Thread.sleep(500);
        browser.screenshot("review-clip-playing");
        assertTrue(((Number) browser.driver.executeScript("return arguments[0].videoWidth", video)).intValue() > 0,
                "the clip has no picture");

        // Marking the highlight wrong stores a correction, exported as per-frame training labels.
        card.findElement(By.cssSelector("[data-testid='mark-wrong']")).click();
        WebElement form = card.findElement(By.cssSelector("[data-testid='correction-form']"));
        new Select(form.findElement(By.name("catPosture"))).selectByValue("calm");
        form.findElement(By.name("note")).sendKeys("the cat was playing");
        form.findElement(By.cssSelector("button[type='submit']")).click();
        waiting(10).until(d -> card.getAttribute("class").contains("wrong"));
        String csv = server.getJson("/api/corrections.csv");
        String[] lines = csv.strip().split("\\R");
        assertTrue(lines[0].startsWith("frame,time_ms,cat_posture,rat_state"), "not the per-frame CSV contract: " + lines[0]);
        assertTrue(lines.length > 1 && lines[1].split(",", -1)[2].equals("calm"),
                "the correction is not among the training labels: " + csv.substring(0, Math.min(300, csv.length())));

        // The Pair/Stage form files the session under another pair and stage, on the server and in the title.
        WebElement tags = browser.driver.findElement(By.cssSelector("[data-testid='retag']"));
        browser.driver.executeScript("arguments[0].scrollIntoView({block: 'center'})", tags);
        WebElement pairField = tags.findElement(By.id("tag-pair"));
        pairField.clear();
        pairField.sendKeys("Tom+Remy II");
        new Select(tags.findElement(By.id("tag-stage"))).selectByValue("2");
        tags.findElement(By.cssSelector("button[type='submit']")).click();
        waiting(10).until(d -> d.findElement(By.id("title")).getText().startsWith("Tom+Remy II"));
        String stored = server.getJson("/api/sessions/" + sessionId);
        assertTrue(stored.contains("\"pair\":\"Tom+Remy II\"") && stored.contains("\"stage\":2"), stored);

        // The friendly address /sessions/{id} shows the same page.
        browser.size(390, 844);
        browser.driver.get(server.url("/sessions/" + sessionId));
        waiting(30).until(d -> !d.findElements(By.cssSelector("[data-testid='highlight']")).isEmpty());
        browser.screenshot("review-phone");
        browser.size(1280, 900);
    }

    @Test
    @Order(3)
    void settingsPageDrawsAndStoresAZone() throws Exception {
        browser.driver.get(server.url("/settings"));
        WebElement canvas = waiting(20).until(d -> {
            WebElement c = d.findElement(By.cssSelector("[data-testid='zone-canvas']"));
            return ((Number) browser.driver.executeScript("return arguments[0].width", c)).intValue() > 0 ? c : null;
        });
        int before = browser.driver.findElements(By.cssSelector("[data-testid='zone']")).size();
        // Draw a perch: three clicks on the snapshot, then finish and save.
        new Select(browser.driver.findElement(By.id("zone-kind"))).selectByValue("perch");
        browser.driver.findElement(By.id("zone-name")).sendKeys("shelf");
        Dimension size = canvas.getSize();
        int[][] clicks = {{-size.width / 4, -size.height / 4}, {size.width / 4, -size.height / 4}, {0, size.height / 4}};
        for (int[] c : clicks) {
            new Actions(browser.driver).moveToElement(canvas, c[0], c[1]).click().perform();
        }
        browser.driver.findElement(By.id("finish-zone")).click();
        browser.driver.findElement(By.id("save-zones")).click();
        waiting(10).until(ExpectedConditions.visibilityOfElementLocated(By.id("zones-saved")));
        assertEquals(before + 1, browser.driver.findElements(By.cssSelector("[data-testid='zone']")).size());
        String zones = server.getJson("/api/cameras/cam0/zones");
        assertTrue(zones.contains("\"perch\"") && zones.contains("\"shelf\""), "the drawn zone was not stored: " + zones);
        // Alert thresholds are saved with the rest of the settings.
        WebElement stalking = browser.driver.findElement(By.cssSelector("#alert-fields input[data-key='stalkingSeconds']"));
        stalking.clear();
        stalking.sendKeys("4.5");
        browser.driver.findElement(By.cssSelector("#settings-form button[type='submit']")).click();
        waiting(10).until(ExpectedConditions.visibilityOfElementLocated(By.id("settings-saved")));
        String settings = server.getJson("/api/settings");
        assertTrue(settings.contains("\"stalkingSeconds\":4.5"), "threshold not stored: " + settings);
        browser.driver.executeScript("window.scrollTo(0, 0)");
        browser.fullPage("settings-desktop");
        browser.size(390, 844);
        browser.fullPage("settings-phone");
        browser.size(1280, 900);
    }
}
