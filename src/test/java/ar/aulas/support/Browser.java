package ar.aulas.support;

import ar.aulas.demo.DemoAccounts;
import com.microsoft.playwright.Browser.NewContextOptions;
import com.microsoft.playwright.BrowserType;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;
import com.microsoft.playwright.TimeoutError;
import com.microsoft.playwright.assertions.PlaywrightAssertions;
import com.microsoft.playwright.options.AriaRole;
import com.microsoft.playwright.options.ReducedMotion;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.List;
import java.util.Map;
import org.assertj.core.api.Assertions;

/**
 * Debian's headless Chromium driven by Playwright; Playwright never downloads a browser of its own.
 * Screenshots go to target/screenshots/.
 */
public final class Browser implements AutoCloseable {

    public static final Path CHROMIUM = Paths.get(System.getenv().getOrDefault("AULAS_CHROMIUM", "/usr/bin/chromium"));
    public static final Path SCREENSHOTS = Paths.get("target", "screenshots");

    private final Playwright playwright;
    private final com.microsoft.playwright.Browser browser;
    private final String baseUrl;

    public Browser(int port) {
        if (!Files.isExecutable(CHROMIUM)) {
            throw new IllegalStateException("Chromium not found at " + CHROMIUM
                    + ": install Debian's chromium package (apt-get install -y chromium) or set AULAS_CHROMIUM");
        }
        this.playwright = Playwright.create(new Playwright.CreateOptions()
                .setEnv(Map.of("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1")));
        this.browser = playwright.chromium().launch(new BrowserType.LaunchOptions()
                .setExecutablePath(CHROMIUM).setHeadless(true)
                .setArgs(List.of("--no-sandbox", "--disable-gpu", "--disable-background-networking",
                        "--disable-component-update", "--disable-sync", "--no-first-run")));
        this.baseUrl = "http://localhost:" + port;
        // A loaded two-core CI machine can take seconds to answer a POST and its redirect: assertions wait
        // for what a person would see, however long the machine takes, never a fixed 5 s.
        PlaywrightAssertions.setDefaultAssertionTimeout(ASSERTION_TIMEOUT_MS);
    }

    /** How long an assertion waits for the page to show what it expects (Playwright's default is 5 s). */
    public static final double ASSERTION_TIMEOUT_MS = 30_000;

    /** A fresh browser profile (no cookies) with the given viewport width. */
    public Page newPage(int width) {
        // Bootstrap scrolls smoothly unless the person prefers reduced motion; on a loaded machine Playwright then
        // clicked where an element had been mid-scroll ("element is not stable", a click that submitted nothing,
        // a checkbox that did not change): the tests browse as someone who asked for reduced motion.
        var context = browser.newContext(new NewContextOptions().setViewportSize(width, 900).setBaseURL(baseUrl)
                .setReducedMotion(ReducedMotion.REDUCE));
        context.setDefaultTimeout(60_000);
        context.setDefaultNavigationTimeout(60_000);
        return context.newPage();
    }

    /** Logs a demo account in through the login form, in a fresh profile, and waits for the home page. */
    public Page logIn(String email, int width) {
        return logIn(email, DemoAccounts.PASSWORD, width);
    }

    /** Logs an account in with its password, in a fresh profile, and waits for the home page. */
    public Page logIn(String email, String password, int width) {
        Page page = newPage(width);
        page.navigate("/login");
        page.getByLabel("Correo electrónico o DNI").fill(email);
        page.getByLabel("Contraseña").fill(password);
        page.getByRole(AriaRole.BUTTON,
                new Page.GetByRoleOptions().setName("Ingresar")).click();
        PlaywrightAssertions.assertThat(page.getByRole(
                AriaRole.HEADING, new Page.GetByRoleOptions().setLevel(1)))
                .containsText("Hola");
        return page;
    }

    private static final String AXE = axeSource();

    private static String axeSource() {
        try (var in = Browser.class.getResourceAsStream("/axe/axe.min.js")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException | NullPointerException e) {
            throw new IllegalStateException("axe-core missing from the test resources (axe/axe.min.js)", e);
        }
    }

    /**
     * axe-core's wcag2a, wcag2aa and wcag21aa rules run on the page as it is now, each violation as
     * "rule (impact): selectors". Evaluated through the DevTools protocol, so the page's CSP stays as it is.
     */
    @SuppressWarnings("unchecked")
    public static List<String> axeViolations(Page page) {
        page.evaluate(AXE);
        return (List<String>) page.evaluate("async () => { const r = await axe.run(document, {runOnly: {type: 'tag', "
                + "values: ['wcag2a', 'wcag2aa', 'wcag21aa']}}); return r.violations.map(v => v.id + ' (' + v.impact + '): '"
                + " + v.nodes.map(n => n.target.join(' ')).join(', ')); }");
    }

    /** How much wider than its viewport the page is (0 when it fits). */
    public static int overflow(Page page) {
        return ((Number) page.evaluate("() => document.documentElement.scrollWidth - window.innerWidth")).intValue();
    }

    /** A screenshot, then the page must pass axe (wcag2a/aa/21aa) with no violation and be no wider than the viewport. */
    public static void check(Page page, String name) {
        screenshot(page, name);
        Assertions.assertThat(axeViolations(page)).as("axe violations on " + name + " (" + page.url() + ")")
                .isEmpty();
        int over = overflow(page);
        Assertions.assertThat(over).as("pixels wider than the viewport: " + name + (over > 0 ? " " + widest(page) : ""))
                .isLessThanOrEqualTo(0);
        var size = page.viewportSize();
        if (size != null && size.width >= 1024) {
            // a laptop page fits the other common laptop widths too
            for (int width : LAPTOPS) {
                page.setViewportSize(width, size.height);
                // as after a person resizes the window: what follows the size (the chart) may take a few frames,
                // so the page is given until the assertion timeout to fit, however slow the machine
                try {
                    page.waitForFunction("() => document.documentElement.scrollWidth <= window.innerWidth", null,
                            new Page.WaitForFunctionOptions().setTimeout(ASSERTION_TIMEOUT_MS));
                } catch (TimeoutError e) {
                    // reported below with what overflows
                }
                Assertions.assertThat(overflow(page)).as("pixels wider than a " + width + " px viewport: " + name
                        + " " + widest(page)).isLessThanOrEqualTo(0);
            }
            page.setViewportSize(size.width, size.height);
        }
    }

    /** The elements reaching furthest right past the viewport, to say what overflows. */
    static Object widest(Page page) {
        return page.evaluate("() => [...document.querySelectorAll('body *')].filter(e => e.getBoundingClientRect().right"
                + " > window.innerWidth + 1 && !(e.parentElement && e.parentElement.closest('.table-responsive'))"
                + " || getComputedStyle(e).position === 'absolute' && e.getBoundingClientRect().right > window.innerWidth + 1).sort((a, b) => b.getBoundingClientRect().right - a.getBoundingClientRect().right)"
                + ".slice(0, 3).map(e => e.tagName + '.' + e.className + ' ' + Math.round(e.getBoundingClientRect().right))");
    }

    /** Besides the journey's own width (1280 px; phones at 360 px), every desktop page is measured at these. */
    static final int[] LAPTOPS = {1024, 1366};

    public static Path screenshot(Page page, String name) {
        Path file = SCREENSHOTS.resolve(name + ".png");
        page.screenshot(new Page.ScreenshotOptions().setPath(file).setFullPage(true));
        return file;
    }

    @Override
    public void close() {
        browser.close();
        playwright.close();
    }
}
