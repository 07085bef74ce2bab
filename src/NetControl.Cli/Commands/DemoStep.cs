using NetControl.Cli.Json;
using NetControl.Cli.Output;
using NetControl.Graph.Paths;

namespace NetControl.Cli.Commands;

/// <summary>One demo step: its JSON form and how to print it.</summary>
internal sealed record DemoStep(DemoStepJson Json, Action<TextWriter> Render)
{
    public static DemoStep FromPaths(string title, PathSetResult result)
    {
        if (!result.Found)
        {
            return Failed(title, result.Failure!);
        }

        return new DemoStep(
            new DemoStepJson(title, [.. result.Paths.Select((p, i) => p.ToJson(i + 1))], null),
            w =>
            {
                for (int i = 0; i < result.Paths.Length; i++)
                {
                    PathText.Write(w, result.Paths[i], $"{i + 1}.");
                }
            });
    }

    public static DemoStep FromPair(string title, DisjointPairResult result)
    {
        if (!result.Found)
        {
            return Failed(title, result.Failure);
        }

        return new DemoStep(
            new DemoStepJson(title, [result.Working.ToJson(1), result.Backup.ToJson(2)], null),
            w =>
            {
                PathText.Write(w, result.Working, "working");
                PathText.Write(w, result.Backup, "backup ");
            });
    }

    private static DemoStep Failed(string title, PathFailure failure) =>
        new(new DemoStepJson(title, [], failure.ToJson().Error), w => w.WriteLine($"  {failure.Message}"));
}
