using NetControl.Drivers.Tl1.Session;

namespace NetControl.Drivers.Tl1.Tests.Session;

public sealed class Tl1SessionOptionsTests
{
    [Fact]
    public void ToString_WithPassword_RedactsItKeepsTheRest()
    {
        var options = new Tl1SessionOptions { Device = "SW1", Tid = "GG-1", UserName = "admin", Password = "s3cret-pw" };

        string text = options.ToString();

        Assert.DoesNotContain("s3cret-pw", text, StringComparison.Ordinal);
        Assert.Contains("Password = ***", text, StringComparison.Ordinal);
        Assert.Contains("Device = SW1, Tid = GG-1, UserName = admin", text, StringComparison.Ordinal);
        Assert.Contains("CommandTimeout = 00:00:30", text, StringComparison.Ordinal);
    }

    /// <summary>Regression (review, TL1 issue): a hand-written PrintMembers listed each option, so a new one went missing from ToString.</summary>
    [Fact]
    public void ToString_EveryOption_ShownByTheGeneratedMembers()
    {
        var options = new Tl1SessionOptions { Device = "SW1", UserName = "admin", Password = "s3cret-pw", CommandTimeout = TimeSpan.FromSeconds(7), EventCapacity = 99 };

        string text = options.ToString();

        Assert.StartsWith("Tl1SessionOptions { Device = SW1, Tid = , UserName = admin, Password = ***, CommandTimeout = 00:00:07, ", text, StringComparison.Ordinal);
        foreach (var property in typeof(Tl1SessionOptions).GetProperties().Where(p => p.GetMethod!.IsPublic))
        {
            Assert.Contains($"{property.Name} = ", text, StringComparison.Ordinal);
        }

        Assert.Contains("EventCapacity = 99", text, StringComparison.Ordinal);
        Assert.DoesNotContain("s3cret-pw", text, StringComparison.Ordinal);
    }

    [Fact]
    public void Password_FromString_EqualByValueRevealedOnlyOnRequest()
    {
        Tl1Secret secret = "s3cret-pw";

        Assert.Equal("***", secret.ToString());
        Assert.Equal("s3cret-pw", secret.Reveal());
        Assert.Equal(new Tl1Secret("s3cret-pw"), secret);
        Assert.NotEqual(new Tl1Secret("other"), secret);
        Assert.Null(Tl1Secret.FromString(null));
    }
}
