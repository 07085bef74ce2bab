namespace NetControl.Formats.Tests.Support;

/// <summary>A file in a fresh temporary directory, deleted with the directory on dispose.</summary>
public sealed class TempFile : IDisposable
{
    private readonly string _directory = System.IO.Directory.CreateTempSubdirectory("netcontrol-formats-").FullName;

    public TempFile(string name, byte[] content)
    {
        Path = System.IO.Path.Combine(_directory, name);
        File.WriteAllBytes(Path, content);
    }

    public TempFile(string name, string content)
        : this(name, System.Text.Encoding.UTF8.GetBytes(content))
    {
    }

    public string Path { get; }

    public string Directory => _directory;

    public void Dispose() => System.IO.Directory.Delete(_directory, recursive: true);
}
