using System.Text.Json;
using Microsoft.Playwright;

namespace NetControl.Benchmarking.Dashboard;

/// <summary>The dashboard page in Debian's chromium (Playwright, never its own browser download), signed in with a viewer token.</summary>
internal sealed class BrowserClient : IAsyncDisposable
{
    public const string ExecutablePath = "/usr/bin/chromium";

    private readonly IPlaywright _playwright;
    private readonly IBrowser _browser;
    private readonly IPage _page;

    private BrowserClient(IPlaywright playwright, IBrowser browser, IPage page)
    {
        _playwright = playwright;
        _browser = browser;
        _page = page;
    }

    public static async Task<BrowserClient> OpenAsync(Uri controller, string token)
    {
        if (!File.Exists(ExecutablePath))
        {
            throw new BenchmarkSetupException($"{ExecutablePath} is missing: install Debian's chromium (apt-get install -y chromium)");
        }

        var playwright = await Playwright.CreateAsync().ConfigureAwait(false);
        IBrowser? browser = null;
        try
        {
            browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
            {
                ExecutablePath = ExecutablePath,
                Headless = true,
                Timeout = 120_000,
                Args = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--no-first-run"],
            }).ConfigureAwait(false);
            var page = await browser.NewPageAsync(new BrowserNewPageOptions { ViewportSize = new ViewportSize { Width = 1400, Height = 900 } }).ConfigureAwait(false);
            page.SetDefaultTimeout(120_000);
            await page.GotoAsync($"{controller.ToString().TrimEnd('/')}/dashboard/#token={token}").ConfigureAwait(false);
            await page.WaitForFunctionAsync("() => window.netcontrolDashboard && window.netcontrolDashboard.state().connected").ConfigureAwait(false);
            return new BrowserClient(playwright, browser, page);
        }
        catch
        {
            if (browser is not null)
            {
                await browser.DisposeAsync().ConfigureAwait(false);
            }

            playwright.Dispose();
            throw;
        }
    }

    /// <summary>The delays (receive time minus ingest time, ms) of every update the page received since the last call.</summary>
    public Task<double[]> TakeDelaysAsync() => TakeAsync("takeDelays");

    /// <summary>For the link-quality updates received since the last call: receive time minus the end of the measured interval (ms).</summary>
    public Task<double[]> TakeSampleDelaysAsync() => TakeAsync("takeSampleDelays");

    private async Task<double[]> TakeAsync(string function)
    {
        string json = await _page.EvaluateAsync<string>($"() => JSON.stringify(window.netcontrolDashboard.{function}())").ConfigureAwait(false);
        return JsonSerializer.Deserialize<double[]>(json) ?? [];
    }

    public async ValueTask DisposeAsync()
    {
        await _browser.DisposeAsync().ConfigureAwait(false);
        _playwright.Dispose();
    }
}
