namespace NetControl.Formats.Tests.Support;

/// <summary>Runs work on the thread pool and fails the test if it does not finish in time: a hang guard, not a benchmark.</summary>
public static class Deadline
{
    public static async Task<T> RunAsync<T>(TimeSpan limit, string what, Func<T> work)
    {
        var task = Task.Run(work);
        var finished = await Task.WhenAny(task, Task.Delay(limit));
        Assert.True(finished == task, $"{what} did not finish within {limit.TotalSeconds:0} s");
        return await task;
    }
}
