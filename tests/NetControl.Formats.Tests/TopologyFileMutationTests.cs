using System.Text;
using NetControl.Core.Topology;
using NetControl.Formats.Tests.Support;

namespace NetControl.Formats.Tests;

/// <summary>
/// Property test: random truncations and mutations of valid files either load or fail with a
/// <see cref="TopologyException"/> of one-line errors: never another exception, never a hang.
/// </summary>
public class TopologyFileMutationTests
{
    private const int Cases = 300;

    public static TheoryData<string, TopologyFormat, string, int> Sources => new()
    {
        { "full-example.yaml", TopologyFormat.Yaml, "{}[]:,-#&*!|>'\"\n ~?%@`", 20250101 },
        { "Abilene.graphml", TopologyFormat.GraphMl, "<>/=\"'&;!?-[]\n ", 20250202 },
        { "abilene.txt", TopologyFormat.Sndlib, "()#=?-.e\n ", 20250303 },
    };

    [Theory]
    [MemberData(nameof(Sources))]
    public async Task Parse_MutatedValidFile_OnlyTopologyExceptions(string file, TopologyFormat format, string alphabet, int seed)
    {
        string original = await File.ReadAllTextAsync(PathOf(file, format));
        Assert.NotNull(TopologyFile.Parse(original, file, format));

        var outcomes = await Deadline.RunAsync(TimeSpan.FromSeconds(120), $"{Cases} mutations of {file}", () =>
        {
            var random = new Random(seed);
            var failures = new List<string>();
            int loaded = 0;
            for (int i = 0; i < Cases; i++)
            {
                string mutated = Mutate(original, alphabet, random);
                try
                {
                    TopologyFile.Parse(mutated, file, format);
                    loaded++;
                }
                catch (TopologyException e) when (e.Errors.Count > 0 && !e.Message.Contains('\n', StringComparison.Ordinal))
                {
                }
                catch (Exception e)
                {
                    failures.Add($"case {i} (seed {seed}): {e.GetType().Name}: {e.Message.Split('\n')[0]}");
                }
            }

            return (failures, loaded);
        });

        Assert.True(outcomes.failures.Count == 0, string.Join("\n", outcomes.failures));
        Assert.InRange(outcomes.loaded, 0, Cases - 1);
    }

    private static string PathOf(string file, TopologyFormat format) => format switch
    {
        TopologyFormat.Yaml => TestPaths.Fixture(file),
        TopologyFormat.GraphMl => Path.Combine(TestPaths.Repository, "topology", "zoo", file),
        _ => Path.Combine(TestPaths.Sndlib, file),
    };

    private static string Mutate(string text, string alphabet, Random random)
    {
        var s = new StringBuilder(text);
        int edits = random.Next(1, 4);
        for (int e = 0; e < edits && s.Length > 0; e++)
        {
            int at = random.Next(s.Length);
            int span = Math.Min(random.Next(1, 40), s.Length - at);
            switch (random.Next(6))
            {
                case 0:
                    s.Length = at;
                    break;
                case 1:
                    s.Remove(at, span);
                    break;
                case 2:
                    s.Insert(at, alphabet[random.Next(alphabet.Length)]);
                    break;
                case 3:
                    s[at] = alphabet[random.Next(alphabet.Length)];
                    break;
                case 4:
                    s.Insert(random.Next(s.Length), s.ToString(at, span));
                    break;
                default:
                    s[at] = (char)random.Next(0, 128);
                    break;
            }
        }

        return s.ToString();
    }
}
