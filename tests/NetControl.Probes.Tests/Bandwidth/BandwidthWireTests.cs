using NetControl.Probes.Bandwidth;

namespace NetControl.Probes.Tests.Bandwidth;

public sealed class BandwidthWireTests
{
    [Fact]
    public void WriteProbe_StampProbe_RoundTripsWithExactHeaderBytes()
    {
        byte[] packet = new byte[40];
        BandwidthWire.WriteProbe(packet, 0xA1B2C3D4, 100);
        BandwidthWire.StampProbe(packet, 7, 0x0102030405060708);

        Assert.Equal(
            Convert.FromHexString("4E434257" + "01" + "01" + "0000" + "A1B2C3D4" + "00000007" + "00000064" + "0102030405060708" + "000000000000000000000000"),
            packet);
        Assert.True(BandwidthWire.TryReadProbe(packet, out uint stream, out int seq, out int count, out long time));
        Assert.Equal((0xA1B2C3D4u, 7, 100, 0x0102030405060708L), (stream, seq, count, time));
    }

    [Fact]
    public void TryReadProbe_SeqBeyondCount_False()
    {
        byte[] packet = new byte[BandwidthWire.ProbeHeaderSize];
        BandwidthWire.WriteProbe(packet, 1, 10);
        BandwidthWire.StampProbe(packet, 10, 0);

        Assert.False(BandwidthWire.TryReadProbe(packet, out _, out _, out _, out _));
    }

    [Theory]
    [InlineData("")]
    [InlineData("4E434257")]
    [InlineData("4E43425702010000000000010000000000000010000000000000000000")]
    [InlineData("58585858010100000000000100000000000000100000000000000000")]
    public void Classify_ForeignOrTruncated_None(string hex)
    {
        Assert.Equal(BandwidthMessageType.None, BandwidthWire.Classify(Convert.FromHexString(hex)));
    }

    [Fact]
    public void WriteReport_TryReadReport_RoundTrips()
    {
        byte[] buffer = new byte[BandwidthWire.ReportHeaderSize + (8 * 3)];
        long[] times = [10, BandwidthWire.NotReceived, 30];

        int length = BandwidthWire.WriteReport(buffer, 9, ReceiveTimestampClock.KernelSoTimestampNs, 100, 40, times);

        Assert.Equal(buffer.Length, length);
        Assert.True(BandwidthWire.TryReadReport(buffer, out uint stream, out var clock, out int count, out int first, out int entries));
        Assert.Equal((9u, ReceiveTimestampClock.KernelSoTimestampNs, 100, 40, 3), (stream, clock, count, first, entries));
        Assert.Equal(times, Enumerable.Range(0, 3).Select(i => BandwidthWire.ReadReportEntry(buffer, i)));
    }

    [Fact]
    public void TryReadReport_TruncatedEntries_False()
    {
        byte[] buffer = new byte[BandwidthWire.ReportHeaderSize + 16];
        BandwidthWire.WriteReport(buffer, 9, ReceiveTimestampClock.UserSpaceStopwatch, 100, 0, [1, 2]);

        Assert.False(BandwidthWire.TryReadReport(buffer.AsSpan(0, buffer.Length - 1), out _, out _, out _, out _, out _));
    }

    [Fact]
    public void TryReadReport_EntriesBeyondCount_False()
    {
        byte[] buffer = new byte[BandwidthWire.ReportHeaderSize + 16];
        BandwidthWire.WriteReport(buffer, 9, ReceiveTimestampClock.UserSpaceStopwatch, 5, 4, [1, 2]);

        Assert.False(BandwidthWire.TryReadReport(buffer, out _, out _, out _, out _, out _));
    }

    [Fact]
    public void WriteReportRequest_TryReadReportRequest_RoundTrips()
    {
        byte[] buffer = new byte[BandwidthWire.ReportRequestSize];
        BandwidthWire.WriteReportRequest(buffer, 77, 160);

        Assert.True(BandwidthWire.TryReadReportRequest(buffer, out uint stream, out int first));
        Assert.Equal((77u, 160), (stream, first));
    }
}
