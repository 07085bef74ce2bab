using NetControl.Simulators.Optical.Light;

namespace NetControl.Simulators.Optical.Model;

/// <summary>
/// The two fibres of one topology link, as light edges: from each end's transmit side to the other end's receive
/// side. A side is null when that end of the attachment has no such port. Guarded by the network lock.
/// </summary>
internal sealed class Fibre(string linkId, LightPoint? aTransmit, LightPoint? aReceive, LightPoint? bTransmit, LightPoint? bReceive, double lossDb)
{
    public string LinkId { get; } = linkId;

    public double LossDb { get; } = lossDb;

    public bool IsCut { get; set; }

    public void AddTo(LightGraph graph)
    {
        if (IsCut)
        {
            return;
        }

        if (aTransmit is { } at && bReceive is { } br)
        {
            graph.AddEdge(at, br, LossDb);
        }

        if (bTransmit is { } bt && aReceive is { } ar)
        {
            graph.AddEdge(bt, ar, LossDb);
        }
    }
}
