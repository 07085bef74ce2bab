namespace NetControl.Formats.Tests.Sndlib;

/// <summary>A small SNDlib network for tests, one entry a line so line numbers are easy to state.</summary>
internal static class SndlibText
{
    public const string Network = """
        ?SNDlib native format; type: network; version: 1.0
        META (
          unit = GBITPERSEC
        )
        NODES (
          A ( 6.14 46.20 )
          B ( 2.35 48.86 )
          C
        )
        LINKS (
          L1 ( A B ) 0 0 1.5 2 ( 10 100 40 300 )
          L2 ( B C ) 2.5 0 0 0 ( )
        )
        DEMANDS (
          D1 ( A C ) 1 12.5 3
        )
        ADMISSIBLE_PATHS (
          D1 ( P1 ( L1 L2 ) )
        )
        """;

    /// <summary>The network with one line (1-based) replaced.</summary>
    public static string WithLine(int line, string text)
    {
        var lines = Network.Split('\n');
        lines[line - 1] = text;
        return string.Join('\n', lines);
    }
}
