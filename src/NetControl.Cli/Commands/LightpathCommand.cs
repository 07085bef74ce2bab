using System.CommandLine;
using System.Globalization;
using NetControl.Cli.Lightpaths;
using NetControl.Cli.Output;

namespace NetControl.Cli.Commands;

/// <summary>
/// <c>netctl lightpath request|list|status|watch|release</c> against the controller's REST API
/// (<c>--url</c> or NETCTL_URL, <c>--token</c> or NETCTL_TOKEN).
/// </summary>
internal static class LightpathCommand
{
    public const string DefaultUrl = "http://127.0.0.1:8080";

    public static Command Create(CliConsole console) => new("lightpath", "Request, list, watch and release lightpaths through the controller's API")
    {
        Request(console),
        List(console),
        Status(console),
        Watch(console),
        Release(console),
    };

    private sealed record Common(Option<string?> Url, Option<string?> Token, Option<bool> Json)
    {
        public static Common Add(Command command)
        {
            var c = new Common(
                new Option<string?>("--url") { Description = $"Controller base URL (default: $NETCTL_URL, else {DefaultUrl})" },
                new Option<string?>("--token") { Description = "Bearer token (default: $NETCTL_TOKEN)" },
                CommonOptions.Json());
            command.Add(c.Url);
            command.Add(c.Token);
            command.Add(c.Json);
            return c;
        }

        public LightpathApiClient Client(ParseResult parse)
        {
            string url = parse.GetValue(Url) ?? NonEmpty(Environment.GetEnvironmentVariable("NETCTL_URL")) ?? DefaultUrl;
            if (!Uri.TryCreate(url, UriKind.Absolute, out var uri) || (uri.Scheme != Uri.UriSchemeHttp && uri.Scheme != Uri.UriSchemeHttps))
            {
                throw new UsageException($"--url must be an http:// or https:// address, got '{url}'");
            }

            string? token = parse.GetValue(Token) ?? NonEmpty(Environment.GetEnvironmentVariable("NETCTL_TOKEN"));
            return new LightpathApiClient(uri, token);
        }

        private static string? NonEmpty(string? s) => string.IsNullOrWhiteSpace(s) ? null : s.Trim();
    }

    private static Command Request(CliConsole console)
    {
        var from = new Option<string>("--from") { Description = "Source endpoint or port", Required = true };
        var to = new Option<string>("--to") { Description = "Destination endpoint or port", Required = true };
        var protection = new Option<string?>("--protection") { Description = "none, restorable (default) or 1+1" };
        protection.AcceptOnlyFromAmong("none", "restorable", "1+1");
        var bandwidth = new Option<string?>("--bandwidth") { Description = "Bandwidth, for example 10G" };
        var start = new Option<string?>("--start") { Description = "Start time, ISO-8601 (advance reservation)" };
        var end = new Option<string?>("--end") { Description = "End time, ISO-8601" };
        var lease = new Option<double?>("--lease-seconds") { Description = "Lease: the path is released unless renewed within this many seconds" };
        var exclude = new Option<string?>("--exclude") { Description = "Node, link or SRLG ids to avoid, comma-separated" };
        var maxLatency = new Option<double?>("--max-latency-ms") { Description = "Latency bound in ms" };
        var description = new Option<string?>("--description") { Description = "Free text stored with the lightpath" };
        var wait = new Option<bool>("--wait") { Description = "Follow the lightpath until it is Active (exit 0) or Failed (exit 1)" };
        var command = new Command("request", "Request a lightpath") { from, to, protection, bandwidth, start, end, lease, exclude, maxLatency, description, wait };
        var common = Common.Add(command);
        command.SetAction(async (parse, cancellationToken) =>
        {
            var excluded = parse.GetValue(exclude) is { } ex
                ? ex.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
                : null;
            double? bound = parse.GetValue(maxLatency);
            var request = new LightpathRequest
            {
                From = parse.GetValue(from)!,
                To = parse.GetValue(to)!,
                Protection = parse.GetValue(protection),
                Bandwidth = parse.GetValue(bandwidth),
                Start = parse.GetValue(start),
                End = parse.GetValue(end),
                LeaseSeconds = parse.GetValue(lease),
                Description = parse.GetValue(description),
                Constraints = excluded is { Length: > 0 } || bound is not null ? new LightpathConstraints(excluded, bound) : null,
            };
            bool json = parse.GetValue(common.Json);
            using var client = common.Client(parse);
            var created = await client.RequestAsync(request, cancellationToken).ConfigureAwait(false);
            if (!parse.GetValue(wait))
            {
                Print(console, created, json);
                return ExitCodes.Ok;
            }

            var final = await WaitForAsync(client, created.Id, v => v.State is "active" or "failed" or "released", json ? null : console, cancellationToken).ConfigureAwait(false);
            if (json)
            {
                Print(console, final, json: true);
            }
            else
            {
                console.Out.WriteLine();
                Print(console, final, json: false);
            }

            return final.State == "active" ? ExitCodes.Ok : ExitCodes.InputError;
        });
        return command;
    }

    private static Command List(CliConsole console)
    {
        var command = new Command("list", "List every lightpath");
        var common = Common.Add(command);
        command.SetAction(async (parse, cancellationToken) =>
        {
            using var client = common.Client(parse);
            var items = await client.ListAsync(cancellationToken).ConfigureAwait(false);
            if (parse.GetValue(common.Json))
            {
                console.Json(new LightpathList(items), LightpathJsonContext.Default.LightpathList);
                return ExitCodes.Ok;
            }

            if (items.Count == 0)
            {
                console.Out.WriteLine("no lightpaths");
                return ExitCodes.Ok;
            }

            var rows = items.Select(l => new[] { l.Id, l.State, $"{l.From} -> {l.To}", l.Protection ?? "", PathText(l), Latency(l) });
            TextTable.Write(console.Out, ["ID", "STATE", "ENDPOINTS", "PROTECTION", "PATH", "LATENCY"], rows, indent: string.Empty);
            return ExitCodes.Ok;
        });
        return command;
    }

    private static Command Status(CliConsole console)
    {
        var id = new Argument<string>("ID") { Description = "Lightpath id" };
        var command = new Command("status", "Show one lightpath: state, path, history") { id };
        var common = Common.Add(command);
        command.SetAction(async (parse, cancellationToken) =>
        {
            using var client = common.Client(parse);
            var view = await client.GetAsync(parse.GetValue(id)!, cancellationToken).ConfigureAwait(false);
            Print(console, view, parse.GetValue(common.Json), history: true);
            return ExitCodes.Ok;
        });
        return command;
    }

    private static Command Watch(CliConsole console)
    {
        var id = new Argument<string>("ID") { Description = "Lightpath id" };
        var command = new Command("watch", "Print each state change of a lightpath until it is released (or Ctrl-C)") { id };
        var common = Common.Add(command);
        command.SetAction(async (parse, cancellationToken) =>
        {
            using var client = common.Client(parse);
            bool json = parse.GetValue(common.Json);
            string? last = null;
            try
            {
                await foreach (var view in client.WatchAsync(parse.GetValue(id)!, cancellationToken).ConfigureAwait(false))
                {
                    string key = $"{view.State}|{PathText(view)}|{view.History?.Count}";
                    if (key == last)
                    {
                        continue;
                    }

                    last = key;
                    if (json)
                    {
                        console.Json(view, LightpathJsonLineContext.Default.LightpathView);
                    }
                    else
                    {
                        console.Out.WriteLine(Line(view));
                    }

                    console.Out.Flush();
                }
            }
            catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
            {
                // Ctrl-C: stop watching.
            }

            return ExitCodes.Ok;
        });
        return command;
    }

    private static Command Release(CliConsole console)
    {
        var id = new Argument<string>("ID") { Description = "Lightpath id" };
        var wait = new Option<bool>("--wait") { Description = "Wait until the lightpath is Released" };
        var command = new Command("release", "Release a lightpath") { id, wait };
        var common = Common.Add(command);
        command.SetAction(async (parse, cancellationToken) =>
        {
            using var client = common.Client(parse);
            bool json = parse.GetValue(common.Json);
            string lightpath = parse.GetValue(id)!;
            var view = await client.ReleaseAsync(lightpath, cancellationToken).ConfigureAwait(false);
            if (parse.GetValue(wait) && view.State != "released")
            {
                view = await WaitForAsync(client, lightpath, v => v.State == "released", null, cancellationToken).ConfigureAwait(false);
            }

            Print(console, view, json);
            return ExitCodes.Ok;
        });
        return command;
    }

    /// <summary>Follows the event stream until <paramref name="done"/> holds for a state; prints each change when <paramref name="progress"/> is set.</summary>
    internal static async Task<LightpathView> WaitForAsync(LightpathApiClient client, string id, Func<LightpathView, bool> done, CliConsole? progress, CancellationToken cancellationToken)
    {
        LightpathView? last = null;
        await foreach (var view in client.WatchAsync(id, cancellationToken).ConfigureAwait(false))
        {
            if (progress is not null && view.State != last?.State)
            {
                progress.Out.WriteLine(Line(view));
                progress.Out.Flush();
            }

            last = view;
            if (done(view))
            {
                return view;
            }
        }

        // The stream ended (released); the current state says the rest.
        return await client.GetAsync(id, cancellationToken).ConfigureAwait(false);
    }

    internal static string PathText(LightpathView view) => view.Working is { Nodes.Count: > 0 } w ? string.Join(" > ", w.Nodes) : "-";

    internal static string Latency(LightpathView view) => view.Working is { } w ? string.Create(CultureInfo.InvariantCulture, $"{w.LatencyMs:0.###} ms") : "-";

    private static string Line(LightpathView view)
    {
        var latest = view.History is { Count: > 0 } h ? h[^1] : null;
        string at = latest is not null ? latest.At.ToString("HH:mm:ss.fff", CultureInfo.InvariantCulture) + " " : string.Empty;
        string? because = view.State == "failed" && view.FailureCause is { } failure ? failure : latest?.Cause;
        string cause = string.IsNullOrEmpty(because) ? string.Empty : $" ({because})";
        string path = view.Working is not null ? $"  {PathText(view)}  {Latency(view)}" : string.Empty;
        return $"{at}{view.Id} {view.State}{cause}{path}";
    }

    private static void Print(CliConsole console, LightpathView view, bool json, bool history = false)
    {
        if (json)
        {
            console.Json(view, LightpathJsonContext.Default.LightpathView);
            return;
        }

        var o = console.Out;
        o.WriteLine($"id:         {view.Id}");
        o.WriteLine($"state:      {view.State}");
        o.WriteLine($"endpoints:  {view.From} -> {view.To}");
        if (view.Protection is { } p)
        {
            o.WriteLine($"protection: {p}");
        }

        o.WriteLine($"path:       {PathText(view)}");
        o.WriteLine($"latency:    {Latency(view)}");
        if (view.ProtectionLeg is { } leg)
        {
            o.WriteLine($"backup:     {string.Join(" > ", leg.Nodes)} ({leg.LatencyMs.ToString("0.###", CultureInfo.InvariantCulture)} ms)");
        }

        if (view.FailureCause is { } cause)
        {
            o.WriteLine($"failure:    {cause}");
        }

        if (history && view.History is { Count: > 0 } transitions)
        {
            o.WriteLine("history:");
            foreach (var t in transitions)
            {
                o.WriteLine($"  {t.At.ToString("yyyy-MM-ddTHH:mm:ss.fffZ", CultureInfo.InvariantCulture)}  {t.From} -> {t.To}  {t.Trigger}{(string.IsNullOrEmpty(t.Cause) ? string.Empty : ": " + t.Cause)}");
            }
        }
    }
}
