using Microsoft.Playwright;
using Platform.Tests.Infrastructure;

namespace Platform.Tests.OAuth;

/// <summary>
/// Debian's Chromium (<c>/usr/bin/chromium</c>, installed by <c>scripts/prerequisites.sh</c>; Playwright's own browser
/// download cannot work here) driven by Playwright, headless, one fresh context (cookies) per test. Screenshots go to
/// <c>artifacts/screenshots/</c> under the repository root.
/// </summary>
public sealed class RealBrowser : IAsyncDisposable
{
    public const string DefaultExecutable = "/usr/bin/chromium";

    private readonly IPlaywright _playwright;
    private readonly IBrowser _browser;

    private RealBrowser(IPlaywright playwright, IBrowser browser, IBrowserContext context)
    {
        _playwright = playwright;
        _browser = browser;
        Context = context;
    }

    public IBrowserContext Context { get; }

    public static string ScreenshotDirectory => Path.Combine(RepositoryPaths.RepositoryRoot, "artifacts", "screenshots");

    public static async Task<RealBrowser> LaunchAsync()
    {
        var executable = Environment.GetEnvironmentVariable("PLATFORM_CHROMIUM") ?? DefaultExecutable;
        if (!File.Exists(executable))
        {
            throw new InvalidOperationException($"No Chromium at {executable}: run scripts/prerequisites.sh (it installs Debian's chromium package).");
        }
        var playwright = await Playwright.CreateAsync();
        try
        {
            var browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
            {
                ExecutablePath = executable,
                Headless = true,
                // Running as root (CI containers) needs the sandbox off; nothing but our own pages and the test server is opened.
                Args = ["--no-sandbox", "--disable-dev-shm-usage"],
                Timeout = 60_000,
            });
            var context = await browser.NewContextAsync(new BrowserNewContextOptions { Locale = "en-US", ViewportSize = new ViewportSize { Width = 900, Height = 700 } });
            context.SetDefaultTimeout(30_000);
            return new RealBrowser(playwright, browser, context);
        }
        catch
        {
            playwright.Dispose();
            throw;
        }
    }

    /// <summary>Saves the page as <c>{name}.png</c> and returns the file's path.</summary>
    public static async Task<string> ScreenshotAsync(IPage page, string name)
    {
        ArgumentNullException.ThrowIfNull(page);
        Directory.CreateDirectory(ScreenshotDirectory);
        var path = Path.Combine(ScreenshotDirectory, name + ".png");
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = path, FullPage = true });
        return path;
    }

    public async ValueTask DisposeAsync()
    {
        await Context.DisposeAsync();
        await _browser.DisposeAsync();
        _playwright.Dispose();
    }
}
