package io.selvedge.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.logging.Level;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.logging.LoggingPreferences;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Real headless Chromium (Debian's {@code chromium} and {@code chromedriver}, which {@code .ci/run}
 * installs), driven through Selenium. Register it with {@code @RegisterExtension static Browser browser =
 * new Browser();} or take a {@link Browser.Window} parameter: each test gets a fresh window (its own
 * profile, so no cookies leak between tests), closed after the test. A test that fails leaves a
 * screenshot and the page's HTML under {@code target/browser-failures/}. Where Chromium is absent the
 * tests are skipped with a message, except in CI ({@code selvedge.test.mandatory}), where they fail.
 */
public final class Browser implements BeforeAllCallback, BeforeEachCallback, AfterEachCallback, ParameterResolver {

    static final Path CHROMIUM = Path.of(System.getProperty("selvedge.test.chromium", "/usr/bin/chromium"));
    static final Path CHROMEDRIVER = Path.of(System.getProperty("selvedge.test.chromedriver", "/usr/bin/chromedriver"));
    static final Path FAILURES = Path.of("target", "browser-failures");

    private static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace.create(Browser.class);

    /** What a window's browser asks for unless told otherwise (its Accept-Language). */
    static final String ENGLISH = "en-GB,en";

    private ExtensionContext currentTest;

    @Override
    public void beforeAll(ExtensionContext context) {
        if (Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER)) {
            return;
        }
        String message = "Chromium (" + CHROMIUM + ") or chromedriver (" + CHROMEDRIVER
                + ") is not installed: apt-get install chromium chromium-driver";
        if (TestDatabase.isMandatory()) {
            fail(message + "; the browser tests are mandatory in CI");
        }
        assumeTrue(false, message + ": the browser tests are skipped here (in CI they are mandatory)");
    }

    @Override
    public void beforeEach(ExtensionContext context) {
        currentTest = context;
    }

    /** Opens a new window: a new Chromium with an empty profile. Closed after the test by this extension. */
    public Window open(ExtensionContext context) {
        return open(context, ENGLISH);
    }

    /**
     * Opens a new window whose browser prefers these languages ({@code --lang} and its {@code Accept-Language},
     * e.g. {@code "pt-PT,pt"}), for the running test; closed after it.
     */
    public Window openIn(String languages) {
        if (currentTest == null) {
            throw new IllegalStateException("openIn is for use inside a test");
        }
        return open(currentTest, languages);
    }

    private Window open(ExtensionContext context, String languages) {
        Window window = Window.launch(languages);
        windows(context).add(window);
        return window;
    }

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        return parameter.getParameter().getType() == Window.class;
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
        return open(context);
    }

    @Override
    public void afterEach(ExtensionContext context) {
        List<Window> windows = windows(context);
        try {
            if (context.getExecutionException().isPresent()) {
                for (int i = 0; i < windows.size(); i++) {
                    windows.get(i)
                            .saveFailure(context.getRequiredTestClass().getSimpleName() + "-"
                                    + context.getRequiredTestMethod().getName() + (i == 0 ? "" : "-" + i));
                }
            }
        } finally {
            windows.forEach(Window::close);
            windows.clear();
        }
    }

    @SuppressWarnings("unchecked")
    private static List<Window> windows(ExtensionContext context) {
        return context.getStore(NAMESPACE).getOrComputeIfAbsent("windows", key -> new ArrayList<Window>(), List.class);
    }

    /** One Chromium, one tab: navigation, waits, and what the console said. */
    public static final class Window implements AutoCloseable {

        private static final Duration WAIT = Duration.ofSeconds(20);

        private final ChromeDriver driver;
        private final Path profile;
        private final List<String> console = new ArrayList<>();

        private Window(ChromeDriver driver, Path profile) {
            this.driver = driver;
            this.profile = profile;
        }

        static Window launch(String languages) {
            try {
                Path profile = Files.createTempDirectory("chromium-profile-");
                ChromeOptions options = new ChromeOptions();
                options.setBinary(CHROMIUM.toFile());
                options.addArguments(
                        "--headless=new",
                        "--no-sandbox",
                        "--disable-gpu",
                        "--disable-dev-shm-usage",
                        "--disable-quic",
                        "--no-first-run",
                        "--disable-background-networking",
                        "--disable-component-update",
                        "--disable-sync",
                        // WebGL in software, for the 3D viewer, without a GPU.
                        "--use-angle=swiftshader",
                        "--enable-unsafe-swiftshader",
                        "--window-size=1280,900",
                        "--lang=" + languages.split(",")[0],
                        "--user-data-dir=" + profile);
                // The test servers use a certificate of the test CA, which Chromium does not know.
                options.setAcceptInsecureCerts(true);
                LoggingPreferences logs = new LoggingPreferences();
                logs.enable(LogType.BROWSER, Level.ALL);
                options.setCapability("goog:loggingPrefs", logs);
                options.setExperimentalOption("prefs", Map.of("intl.accept_languages", languages));
                ChromeDriverService service = new ChromeDriverService.Builder()
                        .usingDriverExecutable(CHROMEDRIVER.toFile())
                        .usingAnyFreePort()
                        .build();
                ChromeDriver driver = new ChromeDriver(service, options);
                driver.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(60));
                return new Window(driver, profile);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        public WebDriver driver() {
            return driver;
        }

        public Window go(URI url) {
            driver.get(url.toString());
            return this;
        }

        public String path() {
            return URI.create(driver.getCurrentUrl()).getPath();
        }

        public WebElement find(By by) {
            return new WebDriverWait(driver, WAIT).until(ExpectedConditions.visibilityOfElementLocated(by));
        }

        public WebElement find(String css) {
            return find(By.cssSelector(css));
        }

        public List<WebElement> all(String css) {
            return driver.findElements(By.cssSelector(css));
        }

        public boolean has(String css) {
            return !driver.findElements(By.cssSelector(css)).isEmpty();
        }

        /** Types into the field labelled so (by its {@code <label for>}), after clearing it. */
        public Window fill(String css, String text) {
            WebElement field = find(css);
            field.clear();
            field.sendKeys(text);
            return this;
        }

        public Window click(String css) {
            new WebDriverWait(driver, WAIT)
                    .until(ExpectedConditions.elementToBeClickable(By.cssSelector(css)))
                    .click();
            return this;
        }

        /**
         * Waits until the condition holds (up to 20 s), then returns its value. An element that htmx swapped
         * out while the condition looked at it is asked again, not an error.
         */
        public <T> T waitFor(java.util.function.Function<WebDriver, T> condition) {
            return new WebDriverWait(driver, WAIT)
                    .ignoring(StaleElementReferenceException.class)
                    .until(condition);
        }

        public Window waitForText(String css, String text) {
            new WebDriverWait(driver, WAIT)
                    .until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector(css), text));
            return this;
        }

        public Window waitForPath(String path) {
            new WebDriverWait(driver, WAIT).until(d -> path.equals(path()));
            return this;
        }

        public Object script(String script, Object... arguments) {
            return ((JavascriptExecutor) driver).executeScript(script, arguments);
        }

        /** What the console said since the last call (errors, CSP violations, warnings). */
        public List<String> consoleMessages() {
            for (LogEntry entry : driver.manage().logs().get(LogType.BROWSER)) {
                console.add(entry.getLevel() + " " + entry.getMessage());
            }
            return List.copyOf(console);
        }

        /**
         * Asserts the console holds no script error and no Content-Security-Policy violation (Chromium
         * reports both as SEVERE, as does a failed resource load).
         */
        public Window assertNoConsoleErrors() {
            List<String> severe = consoleMessages().stream()
                    .filter(message -> message.startsWith("SEVERE")
                            || message.contains("Content Security Policy")
                            || message.contains("Content-Security-Policy"))
                    .toList();
            assertThat(severe).as("console errors on " + driver.getCurrentUrl()).isEmpty();
            return this;
        }

        void saveFailure(String name) {
            try {
                Files.createDirectories(FAILURES);
                Path shot = driver.getScreenshotAs(OutputType.FILE).toPath();
                Files.copy(shot, FAILURES.resolve(name + ".png"), StandardCopyOption.REPLACE_EXISTING);
                Files.writeString(FAILURES.resolve(name + ".html"), driver.getPageSource());
                Files.write(FAILURES.resolve(name + ".console.txt"), consoleMessages());
            } catch (RuntimeException | IOException e) {
                System.err.println("Could not save the browser's state for " + name + ": " + e);
            }
        }

        /** Saves a screenshot under the given path (for the README's pictures). */
        public Path screenshot(Path to) {
            try {
                Files.createDirectories(to.toAbsolutePath().getParent());
                Files.copy(driver.getScreenshotAs(OutputType.FILE).toPath(), to, StandardCopyOption.REPLACE_EXISTING);
                return to;
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        @Override
        public void close() {
            try {
                driver.quit();
            } finally {
                deleteQuietly(profile);
            }
        }

        private static void deleteQuietly(Path directory) {
            try (var paths = Files.walk(directory)) {
                paths.sorted(java.util.Comparator.reverseOrder())
                        .forEach(path -> path.toFile().delete());
            } catch (IOException | UncheckedIOException e) {
                // a profile left in /tmp is harmless
            }
        }
    }
}
