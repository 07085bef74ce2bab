using System.Diagnostics.CodeAnalysis;

namespace NetControl.Graph.Trees;

/// <summary>
/// Outcome of a spanning-tree computation: a tree, or a <see cref="TreeFailure"/> saying why there is none.
/// Expected failures (a disconnected graph, constraints no tree was found for) are values, not exceptions.
/// </summary>
public sealed class TreeResult
{
    private TreeResult(SpanningTree? tree, TreeFailure? failure, bool isOptimal)
    {
        Tree = tree;
        Failure = failure;
        IsOptimal = isOptimal;
    }

    /// <summary>The tree, when one was found.</summary>
    public SpanningTree? Tree { get; }

    /// <summary>Why there is no tree, when none was found.</summary>
    public TreeFailure? Failure { get; }

    [MemberNotNullWhen(true, nameof(Tree))]
    [MemberNotNullWhen(false, nameof(Failure))]
    public bool Succeeded => Tree is not null;

    /// <summary>
    /// True when the tree is proven to be of minimum cost under the constraints: a minimum spanning tree, returned
    /// either unconstrained or because it already met the constraints. False for heuristic trees.
    /// </summary>
    public bool IsOptimal { get; }

    /// <summary>The tree.</summary>
    /// <exception cref="GraphException">There is no tree; the message is the failure reason.</exception>
    public SpanningTree GetTree() => Tree ?? throw new GraphException(Failure!.Reason);

    internal static TreeResult Success(SpanningTree tree, bool isOptimal) => new(tree, null, isOptimal);

    internal static TreeResult Fail(TreeFailureKind kind, string reason) => new(null, new TreeFailure(kind, reason), false);

    internal static TreeResult Fail(TreeFailure failure) => new(null, failure, false);

    public override string ToString() => Succeeded ? $"{(IsOptimal ? "optimal" : "heuristic")} {Tree}" : $"{Failure.Kind}: {Failure.Reason}";
}
