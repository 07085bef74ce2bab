using NetControl.Core.Lightpaths;
using NetControl.Core.Units;
using NetControl.Orchestration.Lightpaths;
using NetControl.Persistence.Documents;
using NetControl.Persistence.Tests.Support;

namespace NetControl.Persistence.Tests.Documents;

public sealed class LightpathDocumentTests
{
    [Fact]
    public void Serialize_FullRecord_IsCamelCaseWithEnumNamesAndNoComputedMembers()
    {
        string json = LightpathDocument.Serialize(Lightpaths.Full());

        Assert.Contains("\"protectionLeg\":", json, StringComparison.Ordinal);
        Assert.Contains("\"activeLeg\":\"Protection\"", json, StringComparison.Ordinal);
        Assert.Contains("\"protection\":\"OnePlusOne\"", json, StringComparison.Ordinal);
        Assert.Contains("\"lease\":\"PT30.5000007S\"", json, StringComparison.Ordinal);
        Assert.DoesNotContain("\"active\":", json, StringComparison.Ordinal);
        Assert.DoesNotContain("\"endSteps\":", json, StringComparison.Ordinal);
        Assert.DoesNotContain("\"innerSteps\":", json, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(10e9)]
    [InlineData(2.5e9)]
    [InlineData(1_234_567.5)]
    [InlineData(0.1)]
    [InlineData(0)]
    [InlineData(1e20)]
    public void Deserialize_AnyBandwidth_RoundTripsExactly(double bitsPerSecond)
    {
        var record = Lightpaths.Full() with { Request = Lightpaths.Full().Request with { Bandwidth = new DataRate(bitsPerSecond) } };

        var back = LightpathDocument.Deserialize(LightpathDocument.Serialize(record));

        Assert.Equal(bitsPerSecond, back.Request.Bandwidth!.Value.BitsPerSecond);
    }

    [Fact]
    public void Deserialize_EveryEnumValue_RoundTrips()
    {
        var states = Enum.GetValues<LightpathState>();
        var triggers = Enum.GetValues<LightpathTrigger>();
        var history = triggers.Select((t, i) => new LightpathTransition(states[i % states.Length], states[(i + 1) % states.Length], t, Lightpaths.T0.AddSeconds(i), "c")).ToList();
        foreach (var protection in Enum.GetValues<Protection>())
        {
            foreach (var revert in Enum.GetValues<RevertPolicy>())
            {
                foreach (var leg in Enum.GetValues<LegRole>())
                {
                    foreach (var state in states)
                    {
                        var record = Lightpaths.Full() with
                        {
                            Request = Lightpaths.Full().Request with { Protection = protection, Revert = revert },
                            ActiveLeg = leg,
                            State = state,
                            History = [.. history],
                        };

                        RecordAssert.Equal(record, LightpathDocument.Deserialize(LightpathDocument.Serialize(record)));
                    }
                }
            }
        }
    }

    [Fact]
    public void Deserialize_MinimalRecord_KeepsDefaultsAndNulls()
    {
        var record = new LightpathRecord
        {
            Id = "lp-min",
            Owner = "bob",
            Request = new LightpathRequest { From = "a", To = "b" },
            CreatedAt = Lightpaths.T0,
            State = LightpathState.Requested,
            WindowStart = Lightpaths.T0,
        };

        RecordAssert.Equal(record, LightpathDocument.Deserialize(LightpathDocument.Serialize(record)));
    }
}
