namespace NetControl.Formats.GraphMl;

/// <summary>
/// Gives every edge a stable, unique id: its own <c>id</c> attribute when it has one, else <c>{source}-{target}</c>,
/// and <c>{source}-{target}#2</c>, <c>#3</c>... for parallel edges, numbered in file order.
/// </summary>
internal static class EdgeIds
{
    public static string[] Assign(IReadOnlyList<GraphMlElement> edges)
    {
        var used = new HashSet<string>(edges.Where(e => !string.IsNullOrEmpty(e.Id)).Select(e => e.Id!), StringComparer.Ordinal);
        var ids = new string[edges.Count];
        for (int i = 0; i < edges.Count; i++)
        {
            var edge = edges[i];
            if (!string.IsNullOrEmpty(edge.Id))
            {
                ids[i] = edge.Id;
                continue;
            }

            string id = $"{edge.Source}-{edge.Target}";
            for (int n = 2; !used.Add(id); n++)
            {
                id = $"{edge.Source}-{edge.Target}#{n}";
            }

            ids[i] = id;
        }

        return ids;
    }
}
