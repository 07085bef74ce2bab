using NetControl.Core.Topology;

namespace NetControl.Formats.GraphMl;

/// <summary>One <c>&lt;data&gt;</c> value, named by its key's attribute name, with where it was read.</summary>
internal sealed record GraphMlValue(string Name, string Text, SourceLocation At);
