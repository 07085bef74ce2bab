using Microsoft.Data.Sqlite;

namespace NetControl.Persistence.Sqlite;

/// <summary>Turns SQLite's errors into one-line <see cref="PersistenceException"/>s that name the store and its file.</summary>
internal static class SqliteErrors
{
    private const int Busy = 5;
    private const int Locked = 6;
    private const int Corrupt = 11;
    private const int Full = 13;
    private const int NotADatabase = 26;

    public static PersistenceException Wrap(string path, string doing, SqliteException e) => Wrap("lightpath store", path, doing, e);

    /// <param name="store">What the file is, for the message ("lightpath store", "telemetry store").</param>
    public static PersistenceException Wrap(string store, string path, string doing, SqliteException e)
    {
        string what = e.SqliteErrorCode switch
        {
            NotADatabase => "is not a SQLite database",
            Corrupt => "is corrupt",
            Full => "cannot grow: the disk is full",
            Busy or Locked => "is locked by another process",
            _ => $"failed: {FirstLine(e.Message)}",
        };
        return new PersistenceException($"{store} '{path}' {what} ({doing})", e, e.SqliteErrorCode is Busy or Locked);
    }

    private static string FirstLine(string text)
    {
        int end = text.IndexOfAny(['\r', '\n']);
        return end < 0 ? text : text[..end];
    }
}
