using System.CommandLine;
using System.Globalization;
using NetControl.Cli.Json;
using NetControl.Cli.Output;
using NetControl.Cli.Transfer;

namespace NetControl.Cli.Commands;

/// <summary>
/// <c>netctl transfer [--from HOST] [--to HOST] [--bytes N] [--dry-run] [--json]</c>: the transfer-tool walk-through on
/// the demo network (see <see cref="TransferWalkthrough"/>). Needs root for the network namespaces; without it (or
/// with <c>--dry-run</c>) the host steps are planned and printed, nothing is changed and no data is sent.
/// </summary>
internal static class TransferCommand
{
    public static Command Create(CliConsole console)
    {
        var from = new Option<string>("--from") { Description = "Sending host (default cern-fdt)", DefaultValueFactory = _ => "cern-fdt" };
        var to = new Option<string>("--to") { Description = "Receiving host (default caltech-fdt)", DefaultValueFactory = _ => "caltech-fdt" };
        var bytes = new Option<string>("--bytes") { Description = "How much to send: a number of bytes, or with K, M or G (powers of 1024); default 1G", DefaultValueFactory = _ => "1G" };
        var dryRun = new Option<bool>("--dry-run") { Description = "Only plan the host steps (the default without root)" };
        var json = new Option<bool>("--json") { Description = "Print JSON instead of text" };
        var command = new Command("transfer", "Transfer walk-through: a lightpath with host configuration between two namespace hosts, a real TCP transfer over it, release") { from, to, bytes, dryRun, json };
        command.SetAction(async (parse, cancellationToken) =>
        {
            long size = ParseBytes(parse.GetValue(bytes)!);
            bool asJson = parse.GetValue(json);
            bool dry = parse.GetValue(dryRun);
            if (!dry && !Environment.IsPrivilegedProcess)
            {
                console.Warning("not root: network namespaces cannot be made, so this is a dry run (the host steps are printed, nothing is sent)");
                dry = true;
            }

            var topology = DemoTopology.Load();
            foreach (string host in new[] { parse.GetValue(from)!, parse.GetValue(to)! })
            {
                if (!topology.TryGetNode(host, out var node) || node.Kind != Core.Topology.NodeKind.Host)
                {
                    throw new UsageException($"'{host}' is not a host of the demo network (hosts: {string.Join(", ", topology.Nodes.Where(n => n.Kind == Core.Topology.NodeKind.Host).Select(n => n.Id))})");
                }
            }

            var walk = new TransferWalkthrough(line =>
            {
                if (!asJson)
                {
                    console.Out.WriteLine(line);
                }
            });
            var report = await walk.RunAsync(topology, parse.GetValue(from)!, parse.GetValue(to)!, size, dry, cancellationToken).ConfigureAwait(false);
            if (asJson)
            {
                console.Json(report, CliJsonContext.Default.TransferReport);
            }

            return report.DryRun || (report.BytesReceived == report.Bytes && report.HostsRestored == true) ? ExitCodes.Ok : ExitCodes.InputError;
        });
        return command;
    }

    internal static long ParseBytes(string text)
    {
        string t = text.Trim();
        long unit = t.Length > 0 ? char.ToUpperInvariant(t[^1]) switch { 'K' => 1L << 10, 'M' => 1L << 20, 'G' => 1L << 30, _ => 1 } : 1;
        string digits = unit == 1 ? t : t[..^1];
        return long.TryParse(digits, NumberStyles.None, CultureInfo.InvariantCulture, out long n) && n > 0 && n <= (64L << 30) / unit
            ? n * unit
            : throw new UsageException($"--bytes: '{text}' is not a size between 1 byte and 64G (for example 500M)");
    }
}
