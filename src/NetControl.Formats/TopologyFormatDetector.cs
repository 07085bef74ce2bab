namespace NetControl.Formats;

/// <summary>Tells the format of a topology file from its content first and its extension second.</summary>
internal static class TopologyFormatDetector
{
    private static readonly string[] SndlibSections = ["META", "NODES", "LINKS", "DEMANDS", "ADMISSIBLE_PATHS"];

    public static TopologyFormat Detect(string text, string? fileName)
    {
        var content = text.AsSpan().TrimStart();
        if (content.StartsWith('<'))
        {
            return TopologyFormat.GraphMl;
        }

        if (content.StartsWith("?SNDlib", StringComparison.Ordinal) || HasSndlibSection(text))
        {
            return TopologyFormat.Sndlib;
        }

        return Path.GetExtension(fileName ?? string.Empty).ToLowerInvariant() switch
        {
            ".graphml" or ".xml" => TopologyFormat.GraphMl,
            ".sndlib" => TopologyFormat.Sndlib,
            _ => TopologyFormat.Yaml,
        };
    }

    /// <summary>True when a line opens an SNDlib section: <c>NODES (</c>, <c>LINKS (</c>...</summary>
    private static bool HasSndlibSection(string text)
    {
        foreach (var raw in text.AsSpan().EnumerateLines())
        {
            var line = raw.Trim();
            foreach (string section in SndlibSections)
            {
                if (line.StartsWith(section, StringComparison.Ordinal) && line[section.Length..].TrimStart().StartsWith('('))
                {
                    return true;
                }
            }
        }

        return false;
    }
}
