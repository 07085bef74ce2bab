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
}
