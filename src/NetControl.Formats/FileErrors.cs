namespace NetControl.Formats;

/// <summary>Turns file-system exceptions into the short phrases our one-line errors use.</summary>
internal static class FileErrors
{
    public static string Describe(Exception e) => e switch
    {
        FileNotFoundException or DirectoryNotFoundException => "no such file",
        UnauthorizedAccessException => "permission denied",
        PathTooLongException => "path too long",
        _ => "cannot be read: " + e.Message,
    };
}
