using System.Net.Http.Headers;
using Microsoft.Playwright;
using NetControl.Dashboard.Tests.Support;

namespace NetControl.Dashboard.Tests.Browser;

/// <summary>One <c>netctl demo</c> process and one chromium for the browser tests against the demo.</summary>
public sealed class DemoFixture : IAsyncLifetime
{
    private IPlaywright? _playwright;

    internal DemoProcess Demo { get; private set; } = null!;

    internal IBrowser Browser { get; private set; } = null!;

    internal HttpClient Api { get; private set; } = null!;

    internal HttpClient Simulator { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        var demo = DemoProcess.StartAsync(TimeSpan.FromSeconds(180));
        var chromium = Chromium.LaunchAsync();
        try
        {
            Demo = await demo;
            (_playwright, Browser) = await chromium;
        }
        catch
        {
            await DisposeAsync();
            throw;
        }

        Api = new HttpClient { BaseAddress = Demo.Url, Timeout = TimeSpan.FromSeconds(60) };
        Api.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", Demo.OperatorToken);
        Simulator = new HttpClient { BaseAddress = Demo.SimulatorControl, Timeout = TimeSpan.FromSeconds(60) };
    }

    public async Task DisposeAsync()
    {
        Api?.Dispose();
        Simulator?.Dispose();
        if (Browser is not null)
        {
            await Browser.DisposeAsync();
        }

        _playwright?.Dispose();
        if (Demo is not null)
        {
            await Demo.DisposeAsync();
        }
    }
}

[CollectionDefinition(Name)]
public sealed class DemoCollection : ICollectionFixture<DemoFixture>
{
    public const string Name = "netctl demo in chromium";
}
