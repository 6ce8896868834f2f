using OpenQA.Selenium;
using OpenQA.Selenium.Chrome;
using OpenQA.Selenium.Support.UI;

namespace Search.Browser.Tests;

/// <summary>
/// Headless Debian Chromium driven through its packaged chromedriver. Both paths are given explicitly
/// so Selenium Manager never tries to download a browser or driver; when they are missing the tests
/// fail and say how to install them (CI runs .ci/install-browser.sh).
/// </summary>
public sealed class ChromeBrowser : IDisposable
{
    public const int DesktopWidth = 1280;
    public const int PhoneWidth = 375;

    private static readonly TimeSpan WaitTimeout = TimeSpan.FromSeconds(10);

    private readonly string _profile = Path.Combine(Path.GetTempPath(), "search-browser-profile-" + Guid.NewGuid().ToString("N")[..8]);

    public ChromeBrowser()
    {
        var chromium = Environment.GetEnvironmentVariable("CHROMIUM_PATH") ?? "/usr/bin/chromium";
        var chromedriver = Environment.GetEnvironmentVariable("CHROMEDRIVER_PATH") ?? "/usr/bin/chromedriver";
        foreach (var (path, what) in new[] { (chromium, "Chromium"), (chromedriver, "chromedriver") })
        {
            if (!File.Exists(path))
            {
                throw new InvalidOperationException(
                    $"{what} not found at {path}. The browser tests need Debian's chromium and chromium-driver: "
                    + "run .ci/install-browser.sh (apt-get install chromium chromium-driver), "
                    + "or set CHROMIUM_PATH / CHROMEDRIVER_PATH.");
            }
        }

        var options = new ChromeOptions { BinaryLocation = chromium };
        options.AddArguments(
            "--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
            "--disable-background-networking", "--disable-component-update", "--disable-sync",
            "--no-first-run", "--lang=en-GB", $"--window-size={DesktopWidth},1000", $"--user-data-dir={_profile}");
        var service = ChromeDriverService.CreateDefaultService(Path.GetDirectoryName(chromedriver)!, Path.GetFileName(chromedriver));
        service.SuppressInitialDiagnosticInformation = true;
        service.HideCommandPromptWindow = true;
        Driver = new ChromeDriver(service, options, TimeSpan.FromSeconds(60));
    }

    public IWebDriver Driver { get; }

    public string Url => Driver.Url;

    public void Open(Uri url) => Driver.Navigate().GoToUrl(url);

    public IWebElement Find(string css) => Driver.FindElement(By.CssSelector(css));

    public IReadOnlyList<IWebElement> FindAll(string css) => Driver.FindElements(By.CssSelector(css));

    public object? Script(string script, params object[] args) => ((IJavaScriptExecutor)Driver).ExecuteScript(script, args);

    /// <summary>Waits until the page has finished loading what it shows (body[data-view] is not "loading").</summary>
    public void WaitForPage(string expectedView)
    {
        Until(() => Script("return document.body.dataset.view") as string == expectedView,
            $"the page to show '{expectedView}' (it shows '{Script("return document.body.dataset.view")}')");
    }

    public void Until(Func<bool> condition, string what)
    {
        var wait = new WebDriverWait(Driver, WaitTimeout) { Message = $"Timed out waiting for {what}." };
        wait.IgnoreExceptionTypes(typeof(StaleElementReferenceException), typeof(NoSuchElementException));
        wait.Until(_ => condition());
    }

    public void Resize(int width, int height = 1000) => Driver.Manage().Window.Size = new System.Drawing.Size(width, height);

    /// <summary>Saves a screenshot beside the test binaries (TestResults/screenshots) for a person to look at.</summary>
    public string SaveScreenshot(string name)
    {
        var folder = Path.Combine(AppContext.BaseDirectory, "TestResults", "screenshots");
        Directory.CreateDirectory(folder);
        var path = Path.Combine(folder, name + ".png");
        ((ITakesScreenshot)Driver).GetScreenshot().SaveAsFile(path);
        return path;
    }

    public void Dispose()
    {
        Driver.Quit();
        Driver.Dispose();
        try
        {
            Directory.Delete(_profile, recursive: true);
        }
        catch (IOException)
        {
            // Chromium may still be releasing its profile; a leftover temp folder is harmless.
        }
    }
}
