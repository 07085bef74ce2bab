using NetControl.Core.Topology;

namespace NetControl.Formats.Sndlib;

/// <summary>
/// Reads SNDlib native network files (<c>?SNDlib native format; type: network</c>): META, NODES, LINKS and DEMANDS;
/// ADMISSIBLE_PATHS is skipped. See <c>topology/README.md</c> for the mapping.
/// </summary>
internal static class SndlibTopologyReader
{
    public static NetworkTopology Read(string text, string? file)
    {
        string fallbackName = Path.GetFileNameWithoutExtension(file) is { Length: > 0 } stem ? stem : "sndlib";
        var builder = new TopologyBuilder(fallbackName)
        {
            SourceFile = file,
            SourceFormat = TopologyFormat.Sndlib.ToName(),
            Attribution = DataAttribution.Sndlib,
        };

        SndlibDocument document;
        try
        {
            document = new SndlibParser(text, file, builder).Parse();
        }
        catch (SndlibSyntaxException e)
        {
            builder.Error(e.At, e.Message);
            throw SourceOrder.Exception(builder.Errors);
        }

        builder.Description = document.Meta.GetValueOrDefault("origin");
        SndlibMapper.AddTo(document, builder);
        return SourceOrder.Build(builder);
    }
}
