using NetControl.Core.Topology;

namespace NetControl.Formats.Tests.Support;

/// <summary>Assertions on topology load failures: which errors, where.</summary>
public static class Expect
{
    /// <summary>Runs <paramref name="load"/> and returns the <see cref="TopologyException"/> it must throw.</summary>
    public static TopologyException Failure(Func<object?> load)
    {
        var e = Assert.Throws<TopologyException>(() => load());
        Assert.NotEmpty(e.Errors);
        Assert.DoesNotContain('\n', e.Message);
        return e;
    }

    /// <summary>Parses <paramref name="text"/> and returns the errors of the failure.</summary>
    public static IReadOnlyList<TopologyError> Errors(string text, string file, TopologyFormat? format = null) =>
        Failure(() => TopologyFile.Parse(text, file, format)).Errors;

    /// <summary>Asserts exactly one error, at <paramref name="line"/> (and <paramref name="column"/> when given), containing <paramref name="message"/>.</summary>
    public static TopologyError Single(string text, string file, int line, int? column, string message, TopologyFormat? format = null)
    {
        var errors = Errors(text, file, format);
        var error = Assert.Single(errors);
        At(error, file, line, column, message);
        return error;
    }

    /// <summary>Asserts that one of the errors is at the place and says <paramref name="message"/>.</summary>
    public static TopologyError Contains(IReadOnlyList<TopologyError> errors, string file, int line, int? column, string message)
    {
        var match = errors.FirstOrDefault(e => e.Location.Line == line && (column is null || e.Location.Column == column) && e.Message.Contains(message, StringComparison.Ordinal));
        Assert.True(match is not null, $"no error at {file}:{line}:{column} containing \"{message}\"; got:\n{string.Join("\n", errors)}");
        return match!;
    }

    public static void At(TopologyError error, string file, int line, int? column, string message)
    {
        string expected = column is null ? $"{file}:{line}" : $"{file}:{line}:{column}";
        string actual = column is null ? $"{error.Location.File}:{error.Location.Line}" : error.Location.ToString();
        Assert.True(expected == actual && error.Message.Contains(message, StringComparison.Ordinal), $"expected {expected}: ...{message}...\n     got {error}");
    }
}
