namespace NetControl.Formats.GraphMl;

/// <summary>A GraphML <c>&lt;key&gt;</c>: maps a file-specific id ("d29") to an attribute name ("Latitude") for nodes, edges or the graph.</summary>
internal sealed record GraphMlKey(string Id, string For, string Name, string Type, string? Default);
