namespace NetControl.Messaging.Contracts;

/// <summary>The JSON property names of <see cref="ProbeSummary"/>, in the order the encoder writes them.</summary>
internal enum SummaryName
{
    Unknown,
    AgentId,
    TargetId,
    LinkId,
    Sequence,
    IntervalStart,
    IntervalUs,
    Sent,
    Received,
    Lost,
    LossRatio,
    Duplicates,
    Reordered,
    RttMinUs,
    RttMedianUs,
    RttP95Us,
    RttMaxUs,
    JitterUs,
    IpdvUs,
    PdvUs,
    AvailableBandwidth,
    Clock,
}

/// <summary>Maps a property name's UTF-8 bytes to its <see cref="SummaryName"/> (length first, then the bytes).</summary>
internal static class SummaryNames
{
    public static readonly (byte[] Text, SummaryName Name)[] All = Enum.GetValues<SummaryName>()
        .Where(n => n != SummaryName.Unknown)
        .Select(n => (System.Text.Encoding.UTF8.GetBytes(Text(n)), n))
        .ToArray();

    public static SummaryName Of(ReadOnlySpan<byte> name)
    {
        var all = All;
        for (int i = 0; i < all.Length; i++)
        {
            var text = all[i].Text;
            if (text.Length == name.Length && name.SequenceEqual(text))
            {
                return all[i].Name;
            }
        }

        return SummaryName.Unknown;
    }

    /// <summary>The camelCase name, as the serializer's naming policy writes it.</summary>
    public static string Text(SummaryName name)
    {
        string pascal = name.ToString();
        return string.Concat(char.ToLowerInvariant(pascal[0]).ToString(), pascal[1..]);
    }
}
