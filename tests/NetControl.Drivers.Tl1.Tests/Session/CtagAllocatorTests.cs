using NetControl.Drivers.Tl1.Session;

namespace NetControl.Drivers.Tl1.Tests.Session;

public sealed class CtagAllocatorTests
{
    [Fact]
    public void Next_Fresh_CountsFromOne()
    {
        var ctags = new CtagAllocator();

        Assert.Equal(["1", "2", "3"], new[] { ctags.Next(_ => false), ctags.Next(_ => false), ctags.Next(_ => false) });
    }

    [Fact]
    public void Next_OutstandingCtag_Skipped()
    {
        var ctags = new CtagAllocator();
        var outstanding = new HashSet<string> { "1", "2" };

        Assert.Equal("3", ctags.Next(outstanding.Contains));
    }

    [Fact]
    public void Next_AfterSixDigits_WrapsToOneAndStaysWithinSixCharacters()
    {
        var ctags = new CtagAllocator();
        string last = string.Empty;
        for (int i = 0; i < 999_999; i++)
        {
            last = ctags.Next(_ => false);
        }

        Assert.Equal("999999", last);
        Assert.Equal("1", ctags.Next(_ => false));
    }
}
