using Microsoft.Extensions.Logging;

namespace NetControl.Agent.HostCommands;

/// <summary>Source-generated log messages of the host commands and their change-set store (event ids 6550-6569).</summary>
internal static partial class HostCommandsLog
{
    [LoggerMessage(6550, LogLevel.Information, "host changes: {Count} applied change sets loaded from {Directory} ({Ids})")]
    public static partial void Loaded(ILogger logger, int count, string directory, string ids);

    [LoggerMessage(6551, LogLevel.Error, "host changes: {File}: {Problem}; moved aside to {MovedTo}, the other change sets are kept")]
    public static partial void BadFile(ILogger logger, string file, string problem, string movedTo);

    [LoggerMessage(6552, LogLevel.Error, "host changes: {File}: {Problem}; could not move it aside either ({Why}), skipped")]
    public static partial void BadFileStuck(ILogger logger, string file, string problem, string why);

    [LoggerMessage(6553, LogLevel.Information, "host changes: change set {ChangeSetId} applied on {Host} ({Steps} steps), recorded in {File}")]
    public static partial void Recorded(ILogger logger, string changeSetId, string host, int steps, string file);

    [LoggerMessage(6554, LogLevel.Information, "host changes: change set {ChangeSetId} rolled back on {Host}, {File} removed")]
    public static partial void RolledBack(ILogger logger, string changeSetId, string host, string file);

    [LoggerMessage(6555, LogLevel.Warning, "host changes: rollback of change set {ChangeSetId} on {Host} incomplete, {Left} undo commands kept in {File} for a retry: {Failures}")]
    public static partial void RollbackIncomplete(ILogger logger, string changeSetId, string host, int left, string file, string failures);

    [LoggerMessage(6556, LogLevel.Error, "host changes: change set {ChangeSetId} applied on {Host} but not recorded ({Reason}); undoing it")]
    public static partial void NotRecorded(ILogger logger, string changeSetId, string host, string reason);

    [LoggerMessage(6557, LogLevel.Error, "host changes: {Problem}")]
    public static partial void StoreProblem(ILogger logger, string problem);
}
