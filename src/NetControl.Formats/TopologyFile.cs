using NetControl.Core.Topology;
using NetControl.Formats.GraphMl;
using NetControl.Formats.Sndlib;
using NetControl.Formats.Yaml;

namespace NetControl.Formats;

/// <summary>
/// Reads a topology in any supported format (native YAML, Topology Zoo GraphML, SNDlib) into a validated
/// <see cref="NetworkTopology"/>. Every failure, from a missing file to a dangling reference, is a
/// <see cref="TopologyException"/> whose errors say file, line, column and what is wrong; nothing is half-loaded.
/// The format read is in <see cref="NetworkTopology.SourceFormat"/> (see <see cref="TopologyFormatNames"/>).
/// </summary>
public static class TopologyFile
{
    /// <summary>Reads a topology file; the format comes from the content, then the extension, unless given.</summary>
    public static NetworkTopology Load(string path, TopologyFormat? format = null)
    {
        ArgumentNullException.ThrowIfNull(path);
        byte[] bytes = SourceText.ReadBytes(path);
        if (format == TopologyFormat.GraphMl || (format is null && SourceText.StartsLikeXml(bytes)))
        {
            // Bytes, not text: the XML reader honours the document's own encoding declaration.
            using var stream = new MemoryStream(bytes, writable: false);
            return GraphMlTopologyReader.Read(stream, path);
        }

        return Parse(SourceText.Decode(bytes, path), path, format);
    }

    /// <summary>Reads a topology from text; <paramref name="fileName"/> names it in errors and picks the format by extension.</summary>
    public static NetworkTopology Parse(string text, string? fileName = null, TopologyFormat? format = null)
    {
        ArgumentNullException.ThrowIfNull(text);
        if (text.Length > InputLimits.MaxTopologyBytes)
        {
            throw SourceText.TooLarge(fileName);
        }

        if (text.StartsWith('\uFEFF'))
        {
            text = text[1..];
        }

        return (format ?? DetectFormat(text, fileName)) switch
        {
            TopologyFormat.GraphMl => GraphMlTopologyReader.Read(new StringReader(text), fileName),
            TopologyFormat.Sndlib => SndlibTopologyReader.Read(text, fileName),
            _ => YamlTopologyReader.Read(text, fileName),
        };
    }

    /// <summary>
    /// The format of a topology text: GraphML when it starts with '&lt;', SNDlib when it starts with <c>?SNDlib</c> or
    /// opens an SNDlib section (<c>NODES (</c>), else by extension (.graphml/.xml, .sndlib), else YAML.
    /// </summary>
    public static TopologyFormat DetectFormat(string text, string? fileName = null)
    {
        ArgumentNullException.ThrowIfNull(text);
        return TopologyFormatDetector.Detect(text, fileName);
    }
}
