using NetControl.Simulators.Optical.Dialects;
using NetControl.Simulators.Optical.Tests.Support;

namespace NetControl.Simulators.Optical.Tests.Dialects;

public sealed class SessionTests
{
    private readonly ManualClock _clock = new();

    [Theory]
    [InlineData("GVA-GG")]
    [InlineData("CHI-PXC")]
    public void Execute_BeforeLogin_DeniedPlna(string sw)
    {
        using var h = new AgentHarness(Networks.SimulateUslhcnet(_clock), sw, login: false);

        h.Denied("RTRV-HDR:::1;", "PLNA");
        Assert.False(h.Session.IsLoggedIn);
        Assert.False(h.Session.ReceivesAutonomousMessages);
    }

    [Fact]
    public void ActUser_AnyUserByDefault_LogsIn()
    {
        using var h = new AgentHarness(Networks.SimulateUslhcnet(_clock), "GVA-GG", login: false);

        h.Completed("ACT-USER::operator:1::whatever;");

        Assert.Equal("operator", h.Session.User);
        Assert.Equal(_clock.GetUtcNow(), h.Session.LoggedInAt);
        h.Completed("RTRV-HDR:::2;");
    }

    [Fact]
    public void ActUser_ConfiguredUsers_ChecksPassword()
    {
        var options = new Tl1AgentOptions { Users = new Dictionary<string, string> { ["admin"] = "s3cret" } };
        using var h = new AgentHarness(Networks.SimulateUslhcnet(_clock), "GVA-GG", options, login: false);

        h.Denied("ACT-USER::admin:1::wrong;", "PICC");
        h.Denied("ACT-USER::nobody:2::s3cret;", "PICC");
        Assert.False(h.Session.IsLoggedIn);

        h.Completed("ACT-USER::admin:3::s3cret;");
        Assert.True(h.Session.IsLoggedIn);
    }

    [Fact]
    public void ActUser_NoUserId_DeniedIiac()
    {
        using var h = new AgentHarness(Networks.SimulateUslhcnet(_clock), "GVA-GG", login: false);

        h.Denied("ACT-USER:::1::pw;", "IIAC");
    }

    [Fact]
    public void CancUser_AfterLogin_LogsOutAndLaterCommandsArePlna()
    {
        using var h = new AgentHarness(Networks.SimulateUslhcnet(_clock), "CHI-PXC");

        h.Completed("CANC-USER::admin:5;");

        Assert.False(h.Session.IsLoggedIn);
        h.Denied("RTRV-CRS:::6;", "PLNA");
    }

    [Fact]
    public void Execute_OtherTid_DeniedIita()
    {
        using var h = new AgentHarness(Networks.SimulateUslhcnet(_clock), "GVA-GG");

        h.Denied("RTRV-HDR:CHI-PXC::1;", "IITA");
        h.Completed("RTRV-HDR:gva-gg::2;");
        h.Completed("RTRV-HDR:::3;");
    }

    [Theory]
    [InlineData("TOOLONG")]
    [InlineData("a-b")]
    [InlineData("000")]
    public void Execute_InvalidCtag_DeniedIict(string ctag)
    {
        using var h = new AgentHarness(Networks.SimulateUslhcnet(_clock), "GVA-GG");

        var response = h.Denied($"RTRV-HDR:::{ctag};", "IICT");

        Assert.Equal(ctag, response.Ctag);
    }

    [Fact]
    public void Execute_EmptyCtag_AnsweredWithZero()
    {
        using var h = new AgentHarness(Networks.SimulateUslhcnet(_clock), "GVA-GG");

        Assert.Equal("0", h.Send("RTRV-HDR:::;").Ctag);
    }

    [Fact]
    public void Execute_Response_HeaderHasSidAndClockTime()
    {
        using var h = new AgentHarness(Networks.SimulateUslhcnet(_clock), "CIT-PXC");
        _clock.Advance(TimeSpan.FromMinutes(5));

        var response = h.Send("RTRV-HDR:::abc123;");

        Assert.Equal("abc123", response.Ctag);
        Assert.Equal("CIT-PXC", response.Header.Sid);
        Assert.Equal(new DateTime(2025, 3, 14, 9, 31, 53, DateTimeKind.Utc), response.Header.Timestamp);
        Assert.Empty(response.Lines);
        Assert.False(response.More);
    }

    [Fact]
    public void Execute_SessionOfAnotherAgent_Throws()
    {
        var network = Networks.SimulateUslhcnet(_clock);
        using var a = new AgentHarness(network, "GVA-GG");
        using var b = new AgentHarness(network, "CHI-PXC");

        Assert.Throws<ArgumentException>(() => a.Agent.Execute(b.Session, Tl1Text.Command("RTRV-HDR:::1;")));
    }

    [Fact]
    public void OpenSession_Twice_IndependentLoginsWithIncreasingIds()
    {
        using var h = new AgentHarness(Networks.SimulateUslhcnet(_clock), "GVA-GG");
        var second = h.Agent.OpenSession();

        Assert.Equal(2, second.Id);
        Assert.False(second.IsLoggedIn);
        Assert.Equal("PLNA", h.Agent.Execute(second, Tl1Text.Command("RTRV-HDR:::1;")).Responses[0].ErrorCode);

        second.Close();
        Assert.True(second.IsClosed);
        Assert.True(h.Session.IsLoggedIn);
    }

    [Fact]
    public void LoginQuirk_FirstCommandWithinWindow_DeniedPlnaThenAccepted()
    {
        using var h = new AgentHarness(Networks.SimulateUslhcnet(_clock), "CHI-PXC", login: false);
        h.Switch.Faults.LoginQuirkWindow = TimeSpan.FromMilliseconds(500);

        h.Completed("ACT-USER::admin:1::pw;");
        _clock.Advance(TimeSpan.FromMilliseconds(100));

        h.Denied("RTRV-CRS:::2;", "PLNA");
        h.Completed("RTRV-CRS:::3;");
        Assert.True(h.Session.IsLoggedIn);
    }

    [Fact]
    public void LoginQuirk_FirstCommandAfterWindow_Accepted()
    {
        using var h = new AgentHarness(Networks.SimulateUslhcnet(_clock), "CHI-PXC", login: false);
        h.Switch.Faults.LoginQuirkWindow = TimeSpan.FromMilliseconds(500);

        h.Completed("ACT-USER::admin:1::pw;");
        _clock.Advance(TimeSpan.FromMilliseconds(500));

        h.Completed("RTRV-CRS:::2;");
    }

    [Fact]
    public void LoginQuirk_EachNewLogin_DeniesItsFirstCommandAgain()
    {
        using var h = new AgentHarness(Networks.SimulateUslhcnet(_clock), "CHI-PXC", login: false);
        h.Switch.Faults.LoginQuirkWindow = TimeSpan.FromSeconds(1);

        h.Completed("ACT-USER::admin:1::pw;");
        h.Denied("RTRV-HDR:::2;", "PLNA");
        h.Completed("CANC-USER:::3;");
        h.Completed("ACT-USER::admin:4::pw;");

        h.Denied("RTRV-HDR:::5;", "PLNA");
    }

    [Fact]
    public void LoginQuirk_Off_FirstCommandAccepted()
    {
        using var h = new AgentHarness(Networks.SimulateUslhcnet(_clock), "CHI-PXC", login: false);

        h.Completed("ACT-USER::admin:1::pw;");

        h.Completed("RTRV-CRS:::2;");
    }

    [Fact]
    public void LoginQuirk_Glimmerglass_Ignored()
    {
        using var h = new AgentHarness(Networks.SimulateUslhcnet(_clock), "GVA-GG", login: false);
        h.Switch.Faults.LoginQuirkWindow = TimeSpan.FromSeconds(1);

        h.Completed("ACT-USER::admin:1::pw;");

        h.Completed("RTRV-HDR:::2;");
    }
}
