using NetControl.Simulators.Optical.Light;

namespace NetControl.Simulators.Optical.Model;

/// <summary>
/// The two fibres of one topology link, as light spans: from each end's transmit side to the other end's receive
/// side. A direction is missing when that end of the attachment has no such port. Guarded by the network lock.
/// </summary>
internal sealed class Fibre
{
    private bool _cut;

    public Fibre(string linkId, LightPoint? aTransmit, LightPoint? aReceive, LightPoint? bTransmit, LightPoint? bReceive, double lossDb)
    {
        LinkId = linkId;
        var spans = new List<LightSpan>(2);
        if (aTransmit is { } at && bReceive is { } br)
        {
            spans.Add(new LightSpan(at, br, lossDb));
        }

        if (bTransmit is { } bt && aReceive is { } ar)
        {
            spans.Add(new LightSpan(bt, ar, lossDb));
        }

        Spans = spans;
    }

    public string LinkId { get; }

    /// <summary>The directions that carry light (when not cut).</summary>
    public IReadOnlyList<LightSpan> Spans { get; }

    public bool IsCut
    {
        get => _cut;
        set
        {
            _cut = value;
            foreach (var span in Spans)
            {
                span.IsCut = value;
            }
        }
    }
}
