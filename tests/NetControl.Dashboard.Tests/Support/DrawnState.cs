using System.Text.Json;
using Microsoft.Playwright;

namespace NetControl.Dashboard.Tests.Support;

/// <summary>What the page reports it drew (<c>window.netcontrolDashboard.state()</c>).</summary>
internal sealed record DrawnState(
    bool Connected,
    string? Topology,
    int Frame,
    double? DrawMs,
    double Scale,
    IReadOnlyList<string> Nodes,
    int VisibleNodes,
    IReadOnlyList<DrawnLink> Links,
    IReadOnlyList<string> HighlightedPath,
    string? SelectedCircuit,
    IReadOnlyList<DrawnCircuit> Circuits,
    int TreeEdges,
    string? ChartLink,
    int ChartPoints,
    int Events,
    bool FaultInjection,
    int Batches,
    IReadOnlyList<string> DownLinks)
{
    public const string DownColor = "#ff1744";

    public static async Task<DrawnState> ReadAsync(IPage page)
    {
        string json = await page.EvaluateAsync<string>("() => JSON.stringify(window.netcontrolDashboard ? window.netcontrolDashboard.state() : null)");
        return JsonSerializer.Deserialize<DrawnState>(json, JsonSerializerOptions.Web) ?? throw new InvalidOperationException("the page has no window.netcontrolDashboard");
    }

    /// <summary>Reads the state until <paramref name="condition"/> holds; the last state read, or a timeout naming what was seen.</summary>
    public static async Task<DrawnState> WaitAsync(IPage page, Func<DrawnState, bool> condition, TimeSpan limit, string what)
    {
        var deadline = DateTime.UtcNow + limit;
        DrawnState? last = null;
        while (DateTime.UtcNow < deadline)
        {
            try
            {
                last = await ReadAsync(page);
                if (condition(last))
                {
                    return last;
                }
            }
            catch (InvalidOperationException)
            {
                // The page has not run its script yet.
            }

            await Task.Delay(25);
        }

        throw new TimeoutException($"{what}: not seen within {limit.TotalSeconds:0.#} s; last drawn state: {(last is null ? "none" : JsonSerializer.Serialize(last))}");
    }
}

internal sealed record DrawnLink(string Id, string Color, bool Highlighted);

internal sealed record DrawnCircuit(string Id, string State, IReadOnlyList<string> Links);
