using NetControl.Controller.Hosting;
using NetControl.Controller.Security;

namespace NetControl.Controller.Tests.Security;

public sealed class TokenTableTests
{
    private static readonly TokenTable Table = new([new ApiToken("s3cret-a", "alice", ApiRole.Operator), new ApiToken("s3cret-b", "bob", ApiRole.Viewer)]);

    [Theory]
    [InlineData("s3cret-a", "alice")]
    [InlineData("s3cret-b", "bob")]
    public void Find_ConfiguredToken_ReturnsItsPrincipal(string token, string name) => Assert.Equal(name, Table.Find(token)?.Name);

    [Theory]
    [InlineData("")]
    [InlineData("s3cret")]
    [InlineData("s3cret-a ")]
    [InlineData("S3CRET-A")]
    public void Find_OtherText_ReturnsNull(string token) => Assert.Null(Table.Find(token));

    [Fact]
    public void ToString_ApiToken_HidesTheSecret() => Assert.DoesNotContain("s3cret", new ApiToken("s3cret-a", "alice", ApiRole.Admin).ToString(), StringComparison.Ordinal);

    [Theory]
    [InlineData("viewer", ApiRole.Viewer)]
    [InlineData("Operator", ApiRole.Operator)]
    [InlineData("admin", ApiRole.Admin)]
    public void TryParse_RoleName_Parses(string text, ApiRole role)
    {
        Assert.True(ApiRoleNames.TryParse(text, out var parsed));
        Assert.Equal(role, parsed);
    }
}
