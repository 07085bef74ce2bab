using System.Collections.Concurrent;
using NetControl.Drivers.Snmp.Security;

namespace NetControl.Drivers.Snmp.Tests.Security;

public sealed class UsmSaltSourceTests
{
    [Fact]
    public void Next_SeededSource_StartsAtSeedAndCountsUp()
    {
        var salts = new UsmSaltSource(1000);

        Assert.Equal([1000UL, 1001UL, 1002UL], [salts.Next(), salts.Next(), salts.Next()]);
    }

    [Fact]
    public void Next_AtMaxValue_WrapsToZero()
    {
        var salts = new UsmSaltSource(ulong.MaxValue);

        Assert.Equal([ulong.MaxValue, 0UL, 1UL], [salts.Next(), salts.Next(), salts.Next()]);
    }

    [Fact]
    public void Next_AcrossSignBoundary_Continues()
    {
        var salts = new UsmSaltSource(long.MaxValue);

        Assert.Equal([(ulong)long.MaxValue, (ulong)long.MaxValue + 1], [salts.Next(), salts.Next()]);
    }

    [Fact]
    public void Next_ManyThreads_AllDistinctAndContiguous()
    {
        var salts = new UsmSaltSource(5);
        var seen = new ConcurrentBag<ulong>();

        Parallel.For(0, 8, _ =>
        {
            for (int i = 0; i < 10_000; i++)
            {
                seen.Add(salts.Next());
            }
        });

        Assert.Equal(80_000, seen.Distinct().Count());
        Assert.Equal(5UL, seen.Min());
        Assert.Equal(80_004UL, seen.Max());
    }

    [Fact]
    public void Constructor_Unseeded_StartsAtRandomValues()
    {
        var starts = Enumerable.Range(0, 4).Select(_ => new UsmSaltSource().Next()).ToHashSet();

        Assert.Equal(4, starts.Count);
    }
}
