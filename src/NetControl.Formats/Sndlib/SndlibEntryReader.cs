using System.Globalization;
using NetControl.Core.Topology;

namespace NetControl.Formats.Sndlib;

/// <summary>Reads one entry of the NODES, LINKS or DEMANDS section, its id already read.</summary>
internal static class SndlibEntryReader
{
    /// <summary><c>id [( longitude latitude )]</c>.</summary>
    public static void ReadNode(SndlibCursor cursor, SndlibToken id, SndlibDocument document)
    {
        SndlibNumber? lon = null;
        SndlibNumber? lat = null;
        if (cursor.Tokens.Peek().Kind == SndlibTokenKind.Open)
        {
            cursor.Tokens.Next();
            lon = cursor.Number($"node '{id.Text}' longitude");
            lat = cursor.Number($"node '{id.Text}' latitude");
            cursor.Expect(SndlibTokenKind.Close, $"')' after the coordinates of node '{id.Text}'");
        }

        document.Nodes.Add(new SndlibNode(id.Text, lon, lat, cursor.At(id)));
    }

    /// <summary><c>id ( src dst ) preCap preCapCost routingCost setupCost ( {moduleCap moduleCost}* )</c>.</summary>
    public static void ReadLink(SndlibCursor cursor, SndlibToken id, SndlibDocument document)
    {
        string what = $"link '{id.Text}'";
        var (source, target) = Ends(cursor, what);
        var preCap = cursor.Number($"{what} pre-installed capacity", nonNegative: true);
        var preCapCost = cursor.Number($"{what} pre-installed capacity cost");
        var routingCost = cursor.Number($"{what} routing cost");
        var setupCost = cursor.Number($"{what} setup cost");
        cursor.Expect(SndlibTokenKind.Open, $"'(' opening the modules of {what}");
        var modules = new List<SndlibModule>();
        while (cursor.Tokens.Peek().Kind != SndlibTokenKind.Close)
        {
            var capacity = cursor.Number($"{what} module capacity", nonNegative: true);
            var cost = cursor.Number($"{what} module cost");
            if (capacity is { } c && cost is { } k)
            {
                modules.Add(new SndlibModule(c, k));
            }
        }

        cursor.Tokens.Next();
        if (preCap is { } p && preCapCost is { } pc && routingCost is { } rc && setupCost is { } sc)
        {
            document.Links.Add(new SndlibLink(id.Text, source, target, p, pc, rc, sc, modules, cursor.At(id)));
        }
    }

    /// <summary><c>id ( src dst ) routingUnit value maxPathLength|UNLIMITED</c>; the routing unit is not kept.</summary>
    public static void ReadDemand(SndlibCursor cursor, SndlibToken id, SndlibDocument document)
    {
        string what = $"demand '{id.Text}'";
        var (source, target) = Ends(cursor, what);
        cursor.Number($"{what} routing unit");
        var value = cursor.Number($"{what} value", nonNegative: true);
        var limit = cursor.Word($"the maximum path length of {what}");
        int? maxPathLength = null;
        if (limit.Text != "UNLIMITED")
        {
            if (!int.TryParse(limit.Text, NumberStyles.None, CultureInfo.InvariantCulture, out int hops))
            {
                cursor.Error(limit, $"{what}: maximum path length {limit.Describe()} is neither a number of hops nor UNLIMITED");
                return;
            }

            maxPathLength = hops;
        }

        if (value is { } v)
        {
            document.Demands.Add((new Demand(id.Text, source, target, v.Value) { MaxPathLength = maxPathLength }, cursor.At(id)));
        }
    }

    private static (string Source, string Target) Ends(SndlibCursor cursor, string what)
    {
        cursor.Expect(SndlibTokenKind.Open, $"'(' before the end nodes of {what}");
        string source = cursor.Word($"the source node of {what}").Text;
        string target = cursor.Word($"the target node of {what}").Text;
        cursor.Expect(SndlibTokenKind.Close, $"')' after the end nodes of {what}");
        return (source, target);
    }
}
